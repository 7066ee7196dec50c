import { Button, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CampaignTexts } from '@habeas/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../shared/api';
import { QueryState } from '../../shared/QueryState';
import { useCampaignTexts, useSaveCampaignTexts } from './hooks';

const EMPTY: CampaignTexts = { ru: { title: '', summary: '', otherWays: '' }, en: { title: '', summary: '', otherWays: '' } };

/** What the public donation page says, in Russian and in English, including other ways to give. */
export function CampaignTextsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const texts = useCampaignTexts(caseId);
  const save = useSaveCampaignTexts(caseId);
  const [form, setForm] = useState<CampaignTexts>(EMPTY);
  useEffect(() => {
    if (texts.data) setForm(texts.data);
  }, [texts.data]);
  const errors = fieldErrors(save.error);
  const set = (lang: 'ru' | 'en', key: keyof CampaignTexts['ru']) => (value: string) => setForm((f) => ({ ...f, [lang]: { ...f[lang], [key]: value } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form, { onSuccess: () => notifications.show({ color: 'green', message: t('banking.textsSaved') }) });
  };
  return (
    <QueryState isLoading={texts.isLoading} error={texts.error}>
      <form onSubmit={submit} aria-label={t('banking.textsTitle')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['ru', 'en'] as const).map((lang) => (
            <Stack key={lang} gap="xs">
              <Title order={3} size="h5">
                {t(`banking.language.${lang}`)}
              </Title>
              <TextInput
                label={t('banking.publicTitle')}
                value={form[lang].title}
                onChange={(e) => set(lang, 'title')(e.currentTarget.value)}
                error={errors[`${lang}.title`]}
              />
              <Textarea
                label={t('banking.publicSummary')}
                autosize
                minRows={3}
                value={form[lang].summary}
                onChange={(e) => set(lang, 'summary')(e.currentTarget.value)}
                error={errors[`${lang}.summary`]}
              />
              <Textarea
                label={t('banking.otherWays')}
                description={t('banking.otherWaysHint')}
                autosize
                minRows={2}
                value={form[lang].otherWays}
                onChange={(e) => set(lang, 'otherWays')(e.currentTarget.value)}
                error={errors[`${lang}.otherWays`]}
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
