import { useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { useI18n } from '../app/i18n';
import { Field } from './field';
import { ErrorBox } from './remote';

/** A textarea with a live character count against the API's limit, its field error from the API beside it. */
export function TextArea(props: { id: string; label: string; hint: string; limit: number; value: string; error?: string; onInput: (v: string) => void }) {
  const count = [...props.value].length;
  return (
    <Field id={props.id} label={props.label} hint={`${props.hint} (${count}/${props.limit})`} error={props.error}>
      {(aria) => <textarea {...aria} rows={5} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />}
    </Field>
  );
}

/** Submitting a form: busy state, field errors from the problem (errors[].field), other failures explained. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const submit = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFields({});
    setFailure(undefined);
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) setFields(Object.fromEntries(error.fieldErrors.map((f) => [f.field, f.message])));
      else setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, fields, failure, submit, setFields };
}

export function SubmitFailure({ failure, explainCode }: { failure: unknown; explainCode?: (code: string) => string | undefined }) {
  useI18n();
  if (failure === undefined) return null;
  const message = failure instanceof ApiError ? explainCode?.(failure.code) : undefined;
  return <ErrorBox error={failure} message={message} />;
}
