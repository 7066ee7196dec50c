import { Button, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { campaignTextsRequest, type CampaignTexts } from '@habeas/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { QueryState } from '../../shared/QueryState';
import { useCampaignTexts, useSaveCampaignTexts } from './hooks';
import { FormError } from '../../shared/FormError';

const EMPTY: CampaignTexts = { ru: { title: '', summary: '', otherWays: '' }, en: { title: '', summary: '', otherWays: '' } };

/** What the public donation page says, in Russian and in English, including other ways to give. */
export function CampaignTextsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const texts = useCampaignTexts(caseId);
  const save = useSaveCampaignTexts(caseId);
  const form = useContractForm({ initialValues: EMPTY, schema: campaignTextsRequest });
  // The saved texts fill the form whenever they (re)load.
  useEffect(() => {
    if (texts.data) form.setValues(texts.data);
  }, [texts.data]);
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => notifications.show({ color: 'green', message: t('banking.textsSaved') }),
      onError: (error) => showServerErrors(form, error),
    }),
  );
  return (
    <QueryState isLoading={texts.isLoading} error={texts.error}>
      <form onSubmit={submit} aria-label={t('banking.textsTitle')} noValidate>
        <FormError message={errors._} mb="xs" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['ru', 'en'] as const).map((lang) => (
            <Stack key={lang} gap="xs">
              <Title order={3} size="h5">
                {t(`banking.language.${lang}`)}
              </Title>
              <TextInput label={t('banking.publicTitle')} {...form.getInputProps(`${lang}.title`)} />
              <Textarea label={t('banking.publicSummary')} autosize minRows={3} {...form.getInputProps(`${lang}.summary`)} />
              <Textarea
                label={t('banking.otherWays')}
                description={t('banking.otherWaysHint')}
                autosize
                minRows={2}
                {...form.getInputProps(`${lang}.otherWays`)}
              />
            </Stack>
          ))}
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('banking.saveTexts')}
          </Button>
        </Group>
      </form>
    </QueryState>
  );
}
