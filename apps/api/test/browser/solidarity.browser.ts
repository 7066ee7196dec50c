import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, withPage, type Browser, type Page } from '../support/browser';
import { assertNoPhoneMetadata, phonePhoto } from '../support/phone-photo';
import { DEMO_PASSWORD, type TestApp } from '../support/test-app';

const phone = { locale: 'ru-RU', viewport: { width: 390, height: 844 } };
const withPhoto = 'Мы из ППС, лиц не покажем, но мы с вами. #СвободуВоронцову';
const withoutPhoto = 'Позвоните мне по номеру +7 900 000-00-00';

describe('anonymous solidarity (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  /** A supporter on a phone posts through the public page's own form (no account, no JavaScript needed). */
  const postFromPhone = (name: string, message: string, photo?: Buffer) =>
    withPage(
      browser,
      name,
      async (page) => {
        await page.goto(`${t.baseUrl}/support/vorontsov`);
        await page.getByRole('heading', { name: 'Слова поддержки', exact: true }).waitFor();
        await expectNoSeriousAxe(page, 'public case page before posting, ru 390');
        await page.getByRole('textbox', { name: 'Сообщение' }).fill(message);
        if (photo) await page.getByLabel(/Фото \(по желанию\)/).setInputFiles({ name: 'IMG_2041.JPG', mimeType: 'image/jpeg', buffer: photo });
        await page.getByRole('button', { name: 'Отправить' }).click();
        await page.getByRole('heading', { level: 1, name: 'Спасибо!' }).waitFor();
        await page.getByText('Сообщение появится на странице после проверки командой.').waitFor();
        await expectNoSeriousAxe(page, 'thanks page after posting, ru 390');
        await page.getByRole('link', { name: 'Вернуться на страницу дела' }).click();
        await page.getByRole('heading', { name: 'Слова поддержки', exact: true }).waitFor();
        assert.equal(await page.getByText(message).count(), 0, 'nothing shows before a team member approves it');
      },
      phone,
    );

  /** Whether an <img> has loaded a picture (runs in the page). */
  const imageShown = (img: unknown) => {
    const image = img as { complete: boolean; naturalWidth: number };
    return image.complete && image.naturalWidth > 0;
  };

  const card = (page: Page, message: string) => page.getByTestId('solidarity-post').filter({ hasText: message });

  it('a supporter posts words and a photo from a phone in Russian; a lawyer approves them, rejects another post, and the page shows the photo without its metadata', async () => {
    await postFromPhone('solidarity-post-photo', withPhoto, await phonePhoto());
    await postFromPhone('solidarity-post-plain', withoutPhoto);

    await withPage(
      browser,
      'solidarity-moderate',
      async (page) => {
        // The lawyer works in Russian, on the phone too.
        await page.goto(`${t.baseUrl}/login`);
        await page.evaluate("localStorage.setItem('habeas.lang', 'ru')");
        await page.goto(`${t.baseUrl}/login`);
        await page.getByRole('textbox', { name: 'Эл. почта' }).fill('lawyer@demo.local');
        await page.getByRole('textbox', { name: 'Пароль' }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await page.goto(`${t.baseUrl}/cases/vorontsov?tab=updates`);
        // The case's tab shows how many posts wait: the demo's one and the two just sent.
        const waiting = page.getByRole('tab', { name: /Публичная страница/ }).getByTestId('pending-solidarity');
        await page.waitForFunction((el) => (el as { textContent: string }).textContent === '3', await waiting.elementHandle());
        await page.getByRole('tab', { name: /Слова поддержки/ }).click();
        const posted = card(page, withPhoto);
        await posted.waitFor();
        const thumbnail = posted.getByRole('img');
        await page.waitForFunction(imageShown, await thumbnail.elementHandle());
        await expectNoSeriousAxe(page, 'solidarity moderation queue, ru 390');

        await posted.getByRole('button', { name: 'Одобрить' }).click();
        await page.getByText('Сообщение одобрено и появилось на публичной странице.').waitFor();
        await posted.waitFor({ state: 'detached' });

        await card(page, withoutPhoto).getByRole('button', { name: 'Отклонить' }).click();
        const dialog = page.getByRole('dialog', { name: 'Отклонить сообщение?' });
        await dialog.waitFor();
        await expectNoSeriousAxe(page, 'reject confirmation, ru 390');
        await dialog.getByRole('button', { name: 'Отклонить' }).click();
        await page.getByText('Сообщение отклонено, на публичной странице его не будет.').waitFor();
        await card(page, withoutPhoto).waitFor({ state: 'detached' });

        await page.getByText('Одобренные', { exact: true }).click();
        await card(page, withPhoto).getByRole('button', { name: 'Снять со страницы' }).waitFor();
        await page.getByText('Отклонённые', { exact: true }).click();
        await card(page, withoutPhoto).getByRole('button', { name: 'Всё-таки опубликовать' }).waitFor();
        await expectNoSeriousAxe(page, 'rejected posts, ru 390');

        // Another member decides first: the late click says so in Russian and the list catches up.
        await page.getByText('На проверке', { exact: true }).click();
        const contested = card(page, 'Я из соседнего отдела');
        await contested.waitFor();
        const admin = await t.signIn('admin@demo.local');
        const queue = await admin.get('/api/cases/vorontsov/solidarity?status=pending');
        const id = (queue.body.items as Array<{ id: string; message: string }>).find((p) => p.message.startsWith('Я из соседнего отдела'))!.id;
        assert.equal((await admin.post(`/api/solidarity/${id}/approve`)).status, 200);
        await contested.getByRole('button', { name: 'Одобрить' }).click();
        await page.getByText('Кто-то из команды уже принял решение по этому сообщению — список обновлён.').waitFor();
        await contested.waitFor({ state: 'detached' });
        await page.getByText('Новых сообщений нет — всё проверено.').waitFor();
        await waiting.waitFor({ state: 'detached' });
      },
      phone,
    );

    await withPage(
      browser,
      'solidarity-public',
      async (page) => {
        await page.goto(`${t.baseUrl}/support/vorontsov`);
        const post = page.locator('article.post').filter({ hasText: withPhoto });
        await post.waitFor();
        assert.equal(await page.getByText(withoutPhoto).count(), 0, 'a rejected post is never shown');
        const photo = post.getByRole('img', { name: 'Фото к сообщению сторонника' });
        await photo.scrollIntoViewIfNeeded();
        await page.waitForFunction(imageShown, await photo.elementHandle());
        const served = await page.request.get(new URL((await photo.getAttribute('src'))!, t.baseUrl).toString());
        assert.equal(served.status(), 200);
        assert.equal(served.headers()['content-type'], 'image/jpeg');
        await assertNoPhoneMetadata(await served.body());
        const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
        await expectNoSeriousAxe(page, 'public case page with the approved post, ru 390');
      },
      phone,
    );
  });
});
