import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ItemFields } from "~/components/agenda/ItemFields";
import { CsrfField, FormAlert } from "~/components/forms";
import { itemSchema } from "~/domain/agenda/agenda.schema";
import { loadDeliberation, scoredItems, updateItem } from "~/domain/agenda/agenda.server";
import { canChangeItemSet, canEditItemText } from "~/domain/agenda/phases";
import { can } from "~/domain/accounts/roles";
import { metaT, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, notFound, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.item.editTitle")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  await requirePermission(request, context, can.plan);
  const d = await loadDeliberation(context.db, idParam(params, "id", "agenda.notFound"));
  const itemId = idParam(params, "itemId", "agenda.notFound");
  const item = (await scoredItems(context.db, d)).find((i) => i.id === itemId) ?? notFound("agenda.notFound");
  return {
    d: { id: d.id, phase: d.phase },
    item,
    editable: canEditItemText(d.phase, item.decision !== null),
    urgencyLocked: !canChangeItemSet(d.phase),
  };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const actor = await requirePermission(request, context, can.plan);
  const id = idParam(params, "id", "agenda.notFound");
  const itemId = idParam(params, "itemId", "agenda.notFound");
  await updateItem(context.db, actor, id, { ...form.parse(itemSchema), itemId });
  return redirectWithFlash(context, `/agenda/manage/${id}#item-${itemId}`, { key: "agenda.item.updated" });
});

export default function EditItem() {
  const t = useT();
  const { d, item, editable, urgencyLocked } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("agenda.item.editTitle")}</h1>
      <p>
        <Link to={`/agenda/manage/${d.id}`}>{t("agenda.manage.title")}</Link>
      </p>
      <h2>{t("agenda.field.aspirations")}</h2>
      <ul>
        {item.aspirations.map((a) => (
          <li key={a.id}>
            <Link to={`/aspirations/${a.code}`}>{a.code}</Link>: {a.title}
          </li>
        ))}
      </ul>
      {editable ? (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <FormAlert state={state} />
          <ItemFields state={state} defaults={item} urgencyLocked={urgencyLocked} />
          <button type="submit">{t("agenda.item.save")}</button>
        </Form>
      ) : (
        <p>{t(item.decision ? "agenda.item.decided" : "agenda.item.locked")}</p>
      )}
    </>
  );
}
