import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStages, createCaseRequest, custodyMeasures, defendantStatuses, pleas, updateCaseRequest } from '@habeas/contracts';
import type { CaseSummary } from '@habeas/contracts';
import { api } from '../../shared/api';
import { apiErrors, schemaErrors } from './form-errors';

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

/** Create or edit a case; errors show beside their fields, checked with the same schema the API uses. */
export function CaseForm(props: { theCase?: CaseSummary; onSaved: (saved: CaseSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const creating = !props.theCase;
  const [values, setValues] = useState(() => initial(props.theCase));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: unknown) =>
      creating ? api<CaseSummary>('/api/cases', { method: 'POST', body }) : api<CaseSummary>(`/api/cases/${props.theCase!.id}`, { method: 'PATCH', body }),
    onSuccess: props.onSaved,
    onError: (error) => setErrors(apiErrors(error)),
  });
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K] | null) =>
      setValues((current) => ({ ...current, [key]: value ?? '' }));
  const text = (key: keyof Values) => ({
    value: values[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value as never),
  });
  const options = (prefix: string, list: readonly string[]) => list.map((value) => ({ value, label: t(`cases.${prefix}.${value}`) }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = toRequest(values, creating);
    const found = schemaErrors((creating ? createCaseRequest : updateCaseRequest).safeParse(body));
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors._ && <Alert color="red">{errors._}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {creating && <TextInput label={t('cases.slug')} required {...text('slug')} error={errors.slug} />}
          <TextInput label={t('cases.caseTitle')} required {...text('title')} error={errors.title} />
          <TextInput label={t('cases.caseTitleEn')} description={t('cases.englishHint')} {...text('titleEn')} error={errors.titleEn} />
          <TextInput label={t('cases.defendant')} {...text('defendantName')} error={errors['defendant.fullName']} />
          <TextInput label={t('cases.dateOfBirth')} type="date" {...text('dateOfBirth')} error={errors['defendant.dateOfBirth']} />
          <Select
            label={t('cases.defendantStatus')}
            data={options('status', defendantStatuses)}
            value={values.defendantStatus}
            onChange={set('defendantStatus')}
          />
          <Select label={t('cases.stage')} data={options('stages', caseStages)} value={values.stage} onChange={set('stage')} error={errors.stage} />
          <TextInput label={t('cases.courtCaseNumber')} {...text('courtCaseNumber')} error={errors.courtCaseNumber} />
          <TextInput label={t('cases.court')} {...text('court')} error={errors.court} />
          <TextInput label={t('cases.judge')} {...text('judge')} error={errors.judge} />
          <TextInput label={t('cases.investigatingAgency')} {...text('investigatingAgency')} error={errors.investigatingAgency} />
          <Select label={t('cases.plea')} clearable data={options('pleas', pleas)} value={values.plea || null} onChange={set('plea')} />
          <Select
            label={t('cases.custodyMeasure')}
            clearable
            data={options('measures', custodyMeasures)}
            value={values.custodyMeasure || null}
            onChange={set('custodyMeasure')}
          />
          <TextInput label={t('cases.detainedUntil')} type="date" {...text('detainedUntil')} error={errors.detainedUntil} />
          <NumberInput
            label={t('cases.custodyAppealDays')}
            min={1}
            max={60}
            value={values.custodyAppealDays}
            onChange={set('custodyAppealDays')}
            error={errors.custodyAppealDays}
          />
          <NumberInput
            label={t('cases.verdictAppealDays')}
            min={1}
            max={60}
            value={values.verdictAppealDays}
            onChange={set('verdictAppealDays')}
            error={errors.verdictAppealDays}
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.charges')}
          description={t('cases.chargesHint')}
          autosize
          minRows={2}
          {...text('charges')}
          error={errors.charges ?? errors['charges.0.article']}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('cases.publicSummary')} autosize minRows={3} {...text('publicSummary')} error={errors.publicSummary} />
          <Textarea
            label={t('cases.publicSummaryEn')}
            description={t('cases.englishHint')}
            autosize
            minRows={3}
            {...text('publicSummaryEn')}
            error={errors.publicSummaryEn}
          />
        </SimpleGrid>
        <Checkbox label={t('cases.isPublic')} checked={values.isPublic} onChange={(e) => set('isPublic')(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
