import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert } from "~/components/forms";
import { useT } from "~/i18n/react";
import type { ConversionAction, ConversionLoader } from "~/utils/aspiration-conversion.server";
import { AspirationFields } from "./AspirationFields";

/** The confirmation form of the three conversion routes (their loader and action: ~/utils/aspiration-conversion.server). */
export function ConversionPage() {
  const t = useT();
  const data = useLoaderData<ConversionLoader>();
  const state = useActionData<ConversionAction>();
  return (
    <>
      <h1>{t("aspirations.convert.title")}</h1>
      <p>{t("aspirations.convert.lead")}</p>
      <section aria-labelledby="source-title">
        <h2 id="source-title">
          {t("aspirations.convert.source")}: {t(`aspirations.convert.source.${data.kind}`)}
        </h2>
        <blockquote className="description">{data.source.text}</blockquote>
        <p>
          <Link to={data.source.href}>{data.source.href}</Link>
        </p>
      </section>
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="confirm" />
        <AspirationFields options={data} state={state} defaults={data.source.prefill} withAddress={false} />
        {data.source.prefill.categoryId !== undefined && <p className="muted">{t("aspirations.convert.categorySuggested")}</p>}
        <button type="submit">{t("aspirations.convert.submit")}</button>
      </Form>
    </>
  );
}
