import type { ContactKind, ContactStatus, CreateContactEventRequest } from '@habeas/contracts';
import { allowedContactStatuses, createContactEventRequest } from '@habeas/contracts';
import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { FormError } from '../../shared/FormError';

export interface QuickAdd {
  kind: ContactKind;
  status: ContactStatus;
}

function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface Values {
  status: ContactStatus;
  occurredAt: string;
  facility: string;
  visitor: string;
  refusalReason: string;
  refusedBy: string;
  channel: 'prison_letter_service' | 'post';
  direction: 'to_detainee' | 'from_detainee';
  deliveredAt: string;
  contents: string;
  amount: number | string;
  currency: string;
  notes: string;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
/** A local date-time input as an ISO instant; what is not a date stays as typed, for the schema to name. */
const toIso = (local: string) => {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
};

/** The request: only the fields the kind (and status) of event has. */
function toRequest(kind: ContactKind, v: Values): CreateContactEventRequest {
  const { status } = v;
  return {
    kind,
    status,
    occurredAt: toIso(v.occurredAt),
    facility: optional(v.facility),
    visitor: kind === 'visit' ? optional(v.visitor) : undefined,
    refusalReason: status === 'refused' ? optional(v.refusalReason) : undefined,
    refusedBy: status === 'refused' ? optional(v.refusedBy) : undefined,
    channel: kind === 'letter' ? v.channel : undefined,
    direction: kind === 'letter' ? v.direction : undefined,
    deliveredAt: kind === 'letter' && status === 'delivered' && v.deliveredAt ? toIso(v.deliveredAt) : undefined,
    contents: kind === 'parcel' || kind === 'money_transfer' ? optional(v.contents) : undefined,
    // An empty amount of a transfer is checked as a missing number, so the form says "required" beside the amount.
    amount:
      kind === 'money_transfer'
        ? { amountMinor: v.amount === '' ? (undefined as unknown as number) : Math.round(Number(v.amount) * 100), currency: v.currency }
        : undefined,
    notes: optional(v.notes),
  };
}

const fieldOf = { amount: 'amount', 'amount.currency': 'currency' } as const;

/** The form behind each quick-add button: only the fields the kind of event has. */
export function ContactEventForm(props: { initial: QuickAdd; pending: boolean; error: unknown; onSubmit: (body: CreateContactEventRequest) => void }) {
  const { t } = useTranslation();
  const { kind } = props.initial;
  const form = useContractForm<Values, CreateContactEventRequest>({
    initialValues: {
      status: props.initial.status,
      occurredAt: localNow(),
      facility: '',
      visitor: '',
      refusalReason: '',
      refusedBy: '',
      channel: 'prison_letter_service',
      direction: 'to_detainee',
      deliveredAt: '',
      contents: '',
      amount: '',
      currency: 'RUB',
      notes: '',
    },
    schema: createContactEventRequest,
    toRequest: (values) => toRequest(kind, values),
    fieldOf,
  });
  useEffect(() => {
    if (props.error) showServerErrors(form, props.error, fieldOf);
  }, [props.error]);
  const { status } = form.values;
  const errors = form.errors as Record<string, string | undefined>;
  const input = (name: keyof Values) => form.getInputProps(name);

  return (
    <form onSubmit={form.onSubmit((values) => props.onSubmit(toRequest(kind, values)))} noValidate>
      <Stack>
        <FormError message={errors._} />
        <Select
          label={t('detention.fields.status')}
          data={allowedContactStatuses[kind].map((value) => ({ value, label: t(`detention.status.${value}`) }))}
          {...input('status')}
          allowDeselect={false}
        />
        <TextInput type="datetime-local" label={t('detention.fields.occurredAt')} {...input('occurredAt')} required />
        <TextInput label={t('detention.fields.facility')} {...input('facility')} />
        {kind === 'visit' && <TextInput label={t('detention.fields.visitor')} {...input('visitor')} />}
        {status === 'refused' && (
          <>
            <TextInput label={t('detention.fields.refusalReason')} {...input('refusalReason')} />
            <TextInput label={t('detention.fields.refusedBy')} {...input('refusedBy')} />
          </>
        )}
        {kind === 'letter' && (
          <Group grow>
            <Select
              label={t('detention.fields.channel')}
              data={[
                { value: 'prison_letter_service', label: t('detention.channel.prison_letter_service') },
                { value: 'post', label: t('detention.channel.post') },
              ]}
              {...input('channel')}
              allowDeselect={false}
            />
            <Select
              label={t('detention.fields.direction')}
              data={[
                { value: 'to_detainee', label: t('detention.direction.to_detainee') },
                { value: 'from_detainee', label: t('detention.direction.from_detainee') },
              ]}
              {...input('direction')}
              allowDeselect={false}
            />
          </Group>
        )}
        {kind === 'letter' && status === 'delivered' && <TextInput type="datetime-local" label={t('detention.fields.deliveredAt')} {...input('deliveredAt')} />}
        {(kind === 'parcel' || kind === 'money_transfer') && <TextInput label={t('detention.fields.contents')} {...input('contents')} />}
        {kind === 'money_transfer' && (
          <Group grow>
            <NumberInput label={t('detention.fields.amount')} {...input('amount')} min={0} decimalScale={2} />
            <TextInput
              label={t('detention.fields.currency')}
              {...input('currency')}
              onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
              maxLength={3}
            />
          </Group>
        )}
        <Textarea label={t('detention.fields.notes')} {...input('notes')} autosize minRows={2} />
        <Group justify="flex-end">
          <Button type="submit" loading={props.pending}>
            {t('detention.actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
