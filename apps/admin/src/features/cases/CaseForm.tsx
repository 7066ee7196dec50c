import { Checkbox, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { caseStages, createCaseRequest, custodyMeasures, defendantStatuses, pleas, updateCaseRequest } from '@habeas/contracts';
import type { CaseSummary, CreateCaseRequest } from '@habeas/contracts';
import { FormActions } from '../../shared/FormActions';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useSaveCase } from './hooks';
import { FormError } from '../../shared/FormError';

interface Values {
  slug: string;
  title: string;
  titleEn: string;
  defendantName: string;
  dateOfBirth: string;
  defendantStatus: string;
  courtCaseNumber: string;
  court: string;
  judge: string;
  investigatingAgency: string;
  charges: string;
  stage: string;
  plea: string;
  custodyMeasure: string;
  detainedUntil: string;
  publicSummary: string;
  publicSummaryEn: string;
  isPublic: boolean;
  custodyAppealDays: number | string;
  verdictAppealDays: number | string;
}

function initial(theCase?: CaseSummary): Values {
  return {
    slug: theCase?.slug ?? '',
    title: theCase?.title ?? '',
    titleEn: theCase?.titleEn ?? '',
    defendantName: theCase?.defendant?.fullName ?? '',
    dateOfBirth: theCase?.defendant?.dateOfBirth ?? '',
    defendantStatus: theCase?.defendant?.status ?? 'detained',
    courtCaseNumber: theCase?.courtCaseNumber ?? '',
    court: theCase?.court ?? '',
    judge: theCase?.judge ?? '',
    investigatingAgency: theCase?.investigatingAgency ?? '',
    charges: (theCase?.charges ?? []).map((c) => (c.description ? `${c.article} — ${c.description}` : c.article)).join('\n'),
    stage: theCase?.stage ?? 'investigation',
    plea: theCase?.plea ?? '',
    custodyMeasure: theCase?.custodyMeasure ?? '',
    detainedUntil: theCase?.detainedUntil ?? '',
    publicSummary: theCase?.publicSummary ?? '',
    publicSummaryEn: theCase?.publicSummaryEn ?? '',
    isPublic: theCase?.isPublic ?? false,
    custodyAppealDays: theCase?.custodyAppealDays ?? 3,
    verdictAppealDays: theCase?.verdictAppealDays ?? 15,
  };
}

/** The request body the shared schemas validate. */
function toRequest(v: Values, creating: boolean) {
  const body = {
    ...(creating ? { slug: v.slug } : {}),
    title: v.title,
    titleEn: v.titleEn,
    defendant: v.defendantName.trim() ? { fullName: v.defendantName, dateOfBirth: v.dateOfBirth || null, status: v.defendantStatus } : null,
    courtCaseNumber: v.courtCaseNumber,
    court: v.court,
    judge: v.judge,
    investigatingAgency: v.investigatingAgency,
    charges: v.charges
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [article, ...rest] = line.split(/\s+[—-]\s+/);
        return { article: article.trim(), description: rest.join(' — ').trim() };
      }),
    stage: v.stage,
    plea: v.plea || null,
    custodyMeasure: v.custodyMeasure || null,
    detainedUntil: v.detainedUntil || null,
    publicSummary: v.publicSummary,
    publicSummaryEn: v.publicSummaryEn,
    isPublic: v.isPublic,
    custodyAppealDays: Number(v.custodyAppealDays),
    verdictAppealDays: Number(v.verdictAppealDays),
  };
  return body;
}

const fieldOf = { 'defendant.fullName': 'defendantName', 'defendant.dateOfBirth': 'dateOfBirth', 'defendant.status': 'defendantStatus' } as const;

/** Create or edit a case; errors show beside their fields, checked with the same schema the API uses. */
export function CaseForm(props: { theCase?: CaseSummary; onSaved: (saved: CaseSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const creating = !props.theCase;
  const form = useContractForm({
    initialValues: initial(props.theCase),
    schema: creating ? createCaseRequest : updateCaseRequest,
    toRequest: (values: Values) => toRequest(values, creating),
    fieldOf,
  });
  const save = useSaveCase(props.theCase?.id);
  const errors = form.errors as Record<string, string | undefined>;
  const text = (key: keyof Values) => form.getInputProps(key);
  const select = (key: keyof Values) => ({ ...form.getInputProps(key), value: (form.values[key] as string) || null });
  const options = (prefix: string, list: readonly string[]) => list.map((value) => ({ value, label: t(`cases.${prefix}.${value}`) }));
  const submit = form.onSubmit((values) =>
    save.mutate(toRequest(values, creating) as CreateCaseRequest, { onSuccess: props.onSaved, onError: (error) => showServerErrors(form, error, fieldOf) }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors._} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {creating && <TextInput label={t('cases.slug')} required {...text('slug')} />}
          <TextInput label={t('cases.caseTitle')} required {...text('title')} />
          <TextInput label={t('cases.caseTitleEn')} description={t('cases.englishHint')} {...text('titleEn')} />
          <TextInput label={t('cases.defendant')} {...text('defendantName')} />
          <TextInput label={t('cases.dateOfBirth')} type="date" {...text('dateOfBirth')} />
          <Select label={t('cases.defendantStatus')} data={options('status', defendantStatuses)} {...select('defendantStatus')} />
          <Select label={t('cases.stage')} data={options('stages', caseStages)} {...select('stage')} />
          <TextInput label={t('cases.courtCaseNumber')} {...text('courtCaseNumber')} />
          <TextInput label={t('cases.court')} {...text('court')} />
          <TextInput label={t('cases.judge')} {...text('judge')} />
          <TextInput label={t('cases.investigatingAgency')} {...text('investigatingAgency')} />
          <Select label={t('cases.plea')} clearable data={options('pleas', pleas)} {...select('plea')} />
          <Select label={t('cases.custodyMeasure')} clearable data={options('measures', custodyMeasures)} {...select('custodyMeasure')} />
          <TextInput label={t('cases.detainedUntil')} type="date" {...text('detainedUntil')} />
          <NumberInput label={t('cases.custodyAppealDays')} min={1} max={60} {...form.getInputProps('custodyAppealDays')} />
          <NumberInput label={t('cases.verdictAppealDays')} min={1} max={60} {...form.getInputProps('verdictAppealDays')} />
        </SimpleGrid>
        <Textarea label={t('cases.charges')} description={t('cases.chargesHint')} autosize minRows={2} {...form.getInputProps('charges')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('cases.publicSummary')} autosize minRows={3} {...text('publicSummary')} />
          <Textarea label={t('cases.publicSummaryEn')} description={t('cases.englishHint')} autosize minRows={3} {...text('publicSummaryEn')} />
        </SimpleGrid>
        <Checkbox label={t('cases.isPublic')} {...form.getInputProps('isPublic', { type: 'checkbox' })} />
        <FormActions onCancel={props.onCancel} pending={save.isPending} submitLabel={creating ? 'common.create' : 'common.save'} />
      </Stack>
    </form>
  );
}
