import type { ContactKind, ContactStatus, CreateContactEventRequest } from '@habeas/contracts';
import { allowedContactStatuses } from '@habeas/contracts';
import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../shared/api';

export interface QuickAdd {
  kind: ContactKind;
  status: ContactStatus;
}

function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The form behind each quick-add button: only the fields the kind of event has. */
export function ContactEventForm(props: { initial: QuickAdd; pending: boolean; error: unknown; onSubmit: (body: CreateContactEventRequest) => void }) {
  const { t } = useTranslation();
  const [kind] = useState(props.initial.kind);
  const [status, setStatus] = useState<ContactStatus>(props.initial.status);
  const [occurredAt, setOccurredAt] = useState(localNow());
  const [facility, setFacility] = useState('');
  const [visitor, setVisitor] = useState('');
  const [refusalReason, setRefusalReason] = useState('');
  const [refusedBy, setRefusedBy] = useState('');
  const [channel, setChannel] = useState<'prison_letter_service' | 'post'>('prison_letter_service');
  const [direction, setDirection] = useState<'to_detainee' | 'from_detainee'>('to_detainee');
  const [deliveredAt, setDeliveredAt] = useState('');
  const [contents, setContents] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState('RUB');
  const [notes, setNotes] = useState('');
  const errors = fieldErrors(props.error);
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const submit = () => {
    props.onSubmit({
      kind,
      status,
      occurredAt: new Date(occurredAt).toISOString(),
      facility: optional(facility),
      visitor: kind === 'visit' ? optional(visitor) : undefined,
      refusalReason: status === 'refused' ? optional(refusalReason) : undefined,
      refusedBy: status === 'refused' ? optional(refusedBy) : undefined,
      channel: kind === 'letter' ? channel : undefined,
      direction: kind === 'letter' ? direction : undefined,
      deliveredAt: kind === 'letter' && status === 'delivered' && deliveredAt ? new Date(deliveredAt).toISOString() : undefined,
      contents: kind === 'parcel' || kind === 'money_transfer' ? optional(contents) : undefined,
      amount: kind === 'money_transfer' && amount !== '' ? { amountMinor: Math.round(Number(amount) * 100), currency } : undefined,
      notes: optional(notes),
    });
  };

  return (
    <Stack>
      <Select
        label={t('detention.fields.status')}
        data={allowedContactStatuses[kind].map((value) => ({ value, label: t(`detention.status.${value}`) }))}
        value={status}
        onChange={(value) => value && setStatus(value as ContactStatus)}
        allowDeselect={false}
        error={errors.status}
      />
      <TextInput
        type="datetime-local"
        label={t('detention.fields.occurredAt')}
        value={occurredAt}
        onChange={(e) => setOccurredAt(e.currentTarget.value)}
        required
      />
      <TextInput label={t('detention.fields.facility')} value={facility} onChange={(e) => setFacility(e.currentTarget.value)} />
      {kind === 'visit' && <TextInput label={t('detention.fields.visitor')} value={visitor} onChange={(e) => setVisitor(e.currentTarget.value)} />}
      {status === 'refused' && (
        <>
          <TextInput label={t('detention.fields.refusalReason')} value={refusalReason} onChange={(e) => setRefusalReason(e.currentTarget.value)} />
          <TextInput label={t('detention.fields.refusedBy')} value={refusedBy} onChange={(e) => setRefusedBy(e.currentTarget.value)} />
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
            value={channel}
            onChange={(value) => value && setChannel(value as typeof channel)}
            allowDeselect={false}
          />
          <Select
            label={t('detention.fields.direction')}
            data={[
              { value: 'to_detainee', label: t('detention.direction.to_detainee') },
              { value: 'from_detainee', label: t('detention.direction.from_detainee') },
            ]}
            value={direction}
            onChange={(value) => value && setDirection(value as typeof direction)}
            allowDeselect={false}
          />
        </Group>
      )}
      {kind === 'letter' && status === 'delivered' && (
        <TextInput
          type="datetime-local"
          label={t('detention.fields.deliveredAt')}
          value={deliveredAt}
          onChange={(e) => setDeliveredAt(e.currentTarget.value)}
          error={errors.deliveredAt}
        />
      )}
      {(kind === 'parcel' || kind === 'money_transfer') && (
        <TextInput label={t('detention.fields.contents')} value={contents} onChange={(e) => setContents(e.currentTarget.value)} />
      )}
      {kind === 'money_transfer' && (
        <Group grow>
          <NumberInput
            label={t('detention.fields.amount')}
            value={amount}
            onChange={setAmount}
            min={0}
            decimalScale={2}
            error={errors['amount'] ?? errors['amount.amountMinor']}
          />
          <TextInput label={t('detention.fields.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} maxLength={3} />
        </Group>
      )}
      <Textarea label={t('detention.fields.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={props.pending}>
          {t('detention.actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
