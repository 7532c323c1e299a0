import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import { useT } from "~/i18n/react";
import { AspirationFields, type FieldOptions } from "./AspirationFields";

interface Data extends FieldOptions {
  kind: "question" | "post" | "point";
  source: { href: string; text: string; prefill: Record<string, string | number | undefined> };
}

export function ConversionPage() {
  const t = useT();
  const data = useLoaderData() as unknown as Data;
  const state = useActionData() as FormState | undefined;
  return (
    <>
      <h1>{t("aspirations.convert.title")}</h1>
      <p>{t("aspirations.convert.lead")}</p>
      <section aria-labelledby="source-title">
        <h2 id="source-title">{t("aspirations.convert.source")}: {t(`aspirations.convert.source.${data.kind}`)}</h2>
        <blockquote className="description">{data.source.text}</blockquote>
        <p><Link to={data.source.href}>{data.source.href}</Link></p>
      </section>
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="confirm" />
        <AspirationFields options={data} state={state} defaults={data.source.prefill} withAddress={false} />
        <button type="submit">{t("aspirations.convert.submit")}</button>
      </Form>
    </>
  );
}
