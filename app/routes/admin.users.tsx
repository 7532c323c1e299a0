import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfField, type FormState } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { changeRoleSchema } from "~/domain/accounts/accounts.schema";
import { changeRole, listUsers } from "~/domain/accounts/accounts.server";
import { can, roles } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { formatShortDate, translate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";
import { getLocale } from "~/utils/locale.server";
import { TableRegion } from "~/components/TableRegion";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("admin.users.title")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageUsers);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  return json({ q, page, ...(await listUsers(context.db, actor, { q, page })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageUsers);
  const form = await readForm(request, context, changeRoleSchema);
  if (!form.ok) return invalid(form);
  try {
    const user = await changeRole(context.db, actor, form.data);
    const locale = getLocale(request);
    const flash = await setFlash(context, { key: "admin.users.roleChanged", params: { name: user.name, role: translate(locale, `role.${user.role}`) } });
    const back = new URL(request.url);
    return redirect(back.pathname + back.search, { headers: { "Set-Cookie": flash } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function AdminUsers() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  const [params] = useSearchParams();
  const failedFor = state?.values?.userId;
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <Form method="get" className="search-form" role="search">
        <div className="field">
          <label htmlFor="q">{t("admin.users.search")}</label>
          <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <button type="submit">{t("admin.users.searchSubmit")}</button>
      </Form>
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
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email ?? u.phone}</td>
                  <td>{formatShortDate(new Date(u.createdAt), locale)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfField />
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="visually-hidden" htmlFor={`role-${u.id}`}>{t("admin.users.changeRole", { name: u.name })}</label>
                      <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                        {roles.map((r) => (
                          <option key={r} value={r}>{t(`role.${r}`)}</option>
                        ))}
                      </select>
                      <button type="submit" aria-label={`${t("admin.users.save")}: ${u.name}`}>{t("admin.users.save")}</button>
                    </Form>
                    {failedFor === String(u.id) && state?.errors?.role && (
                      <p className="field-error" role="alert">{t(state.errors.role.key)}</p>
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
