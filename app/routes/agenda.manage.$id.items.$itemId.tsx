import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ItemFields } from "~/components/agenda/ItemFields";
import { deliberationId, rethrow } from "~/components/agenda/public.server";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import { itemSchema } from "~/domain/agenda/agenda.schema";
import { loadDeliberation, scoredItems, updateItem } from "~/domain/agenda/agenda.server";
import { canChangeItemSet, canEditItemText } from "~/domain/agenda/phases";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { metaT, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.item.editTitle")} · Balai` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, can.plan);
  const d = await loadDeliberation(context.db, deliberationId(params)).catch(rethrow);
  const item = (await scoredItems(context.db, d)).find((i) => i.id === Number(params.itemId));
  if (!item) throw json({ messageKey: "agenda.notFound" }, { status: 404 });
  return json({
    d: { id: d.id, phase: d.phase },
    item,
    editable: canEditItemText(d.phase, item.decision !== null),
    urgencyLocked: !canChangeItemSet(d.phase),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, can.plan);
  const id = deliberationId(params);
  const form = await readForm(request, context, itemSchema);
  if (!form.ok) return invalid(form);
  try {
    await updateItem(context.db, actor, id, { ...form.data, itemId: Number(params.itemId) });
    return redirect(`/agenda/manage/${id}#item-${params.itemId}`, { headers: { "Set-Cookie": await setFlash(context, { key: "agenda.item.updated" }) } });
  } catch (error) {
    if (error instanceof DomainError && error.status !== 403 && error.status !== 404) return invalid(failure(error, form.formData), error.status);
    rethrow(error);
  }
}

export default function EditItem() {
  const t = useT();
  const { d, item, editable, urgencyLocked } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  return (
    <>
      <h1>{t("agenda.item.editTitle")}</h1>
      <p><Link to={`/agenda/manage/${d.id}`}>{t("agenda.manage.title")}</Link></p>
      <h2>{t("agenda.field.aspirations")}</h2>
      <ul>
        {item.aspirations.map((a) => (
          <li key={a.id}><Link to={`/aspirations/${a.code}`}>{a.code}</Link>: {a.title}</li>
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
