import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfField } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { TableRegion } from "~/components/TableRegion";
import { accountStatusSchema, changeRoleSchema } from "~/domain/accounts/accounts.schema";
import { changeRole, listUsers, setAccountDisabled } from "~/domain/accounts/accounts.server";
import { can, roles } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { formatShortDate, translate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("admin.users.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.manageUsers);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  return { q, page, actorId: actor.id, ...(await listUsers(context.db, actor, { q, page })) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageUsers);
  const back = new URL(request.url);
  const here = back.pathname + back.search;
  switch (form.get("intent") ?? "role") {
    case "role": {
      const user = await changeRole(context.db, actor, form.parse(changeRoleSchema));
      // the user's open sockets reconnect with the new role
      context.realtime.revoke({ userId: user.id });
      const role = translate(getLocale(request), `role.${user.role}`);
      return redirectWithFlash(context, here, { key: "admin.users.roleChanged", params: { name: user.name, role } });
    }
    case "status": {
      const input = form.parse(accountStatusSchema);
      const user = await setAccountDisabled(context.db, actor, input);
      // a disabled account's sessions are gone: its open sockets reconnect as a guest
      context.realtime.revoke({ userId: user.id });
      return redirectWithFlash(context, here, { key: input.disabled ? "admin.users.disabledDone" : "admin.users.enabledDone", params: { name: user.name } });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function AdminUsers() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failedFor = state?.values.userId;
  const failure = state && (state.errors.role ?? state.errors.disabled ?? state.errors.userId ?? state.formError);
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <p>
        <Link to="/admin/outbox">{t("channels.outbox.title")}</Link> · <Link to="/admin/users/reset">{t("nav.counterReset")}</Link>
      </p>
      <Form method="get" className="search-form" role="search">
        <div className="field">
          <label htmlFor="q">{t("admin.users.search")}</label>
          <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <button type="submit">{t("admin.users.searchSubmit")}</button>
      </Form>
      {failure && !data.users.some((u) => String(u.id) === failedFor) && (
        <div className="alert alert-error" role="alert">
          {t(failure.key, failure.params)}
        </div>
      )}
      <p>{t("admin.users.count", { count: data.total })}</p>
      {data.users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <TableRegion label={t("admin.users.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.name")}</th>
                <th scope="col">{t("admin.users.contact")}</th>
                <th scope="col">{t("admin.users.since")}</th>
                <th scope="col">{t("admin.users.role")}</th>
                <th scope="col">{t("admin.users.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email ?? u.phone}</td>
                  <td>{formatShortDate(u.createdAt, locale)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfField />
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                        {t("admin.users.changeRole", { name: u.name })}
                      </label>
                      <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" aria-label={`${t("admin.users.save")}: ${u.name}`}>
                        {t("admin.users.save")}
                      </button>
                    </Form>
                    {failedFor === String(u.id) && failure && (
                      <p className="field-error" role="alert">
                        {t(failure.key, failure.params)}
                      </p>
                    )}
                  </td>
                  <td>
                    <span>{t(u.disabledAt ? "admin.users.disabled" : "admin.users.active")}</span>
                    {u.id !== data.actorId && (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="intent" value="status" />
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="disabled" value={u.disabledAt ? "false" : "true"} />
                        <button
                          type="submit"
                          className="button-secondary"
                          aria-label={t(u.disabledAt ? "admin.users.enableLabel" : "admin.users.disableLabel", { name: u.name })}
                        >
                          {t(u.disabledAt ? "admin.users.enable" : "admin.users.disable")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </>
  );
}
