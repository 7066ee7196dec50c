import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  at: number;
  chat_id: string;
  text: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
}

/**
 * A Bot-API-compatible server for tests (core.telegram.org/bots/api): `POST /bot<token>/<method>` with JSON,
 * answers `{ok, result}`; getMe, getUpdates (long polling with `offset` and `timeout`, confirmed by offset),
 * sendMessage and answerCallbackQuery. People "write" to the bot with `userSends` and "press" buttons with `userPresses`.
 */
export interface FakeTelegram {
  url: string;
  token: string;
  username: string;
  sent: SentMessage[];
  answered: Array<{ callback_query_id: string; text: string }>;
  /** getUpdates calls seen (to show that polling happens). */
  polls: number;
  /** Answer the next `count` sendMessage calls to `chatId` with this status (500: retry later; 403: the user blocked the bot). */
  failSends(status: number, count: number, chatId: number): void;
  userSends(chatId: number, text: string): void;
  userPresses(chatId: number, data: string): string;
  close(): Promise<void>;
}

export async function startFakeTelegram(token = '123456:TEST-token'): Promise<FakeTelegram> {
  let updateId = 100;
  let queryId = 0;
  let failures: { status: number; count: number; chatId: string } = { status: 0, count: 0, chatId: '' };
  const pending: Array<{ update_id: number } & Record<string, unknown>> = [];
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  };
  const fake: FakeTelegram = {
    url: '',
    token,
    username: 'habeas_test_bot',
    sent: [],
    answered: [],
    polls: 0,
    failSends(status, count, chatId) {
      failures = { status, count, chatId: String(chatId) };
    },
    userSends(chatId, text) {
      pending.push({
        update_id: ++updateId,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          text,
          chat: { id: chatId, type: 'private' },
          from: { id: chatId, is_bot: false, first_name: 'Test', language_code: 'ru' },
        },
      });
      wake();
    },
    userPresses(chatId, data) {
      const id = String(++queryId);
      pending.push({
        update_id: ++updateId,
        callback_query: {
          id,
          data,
          chat_instance: 'x',
          from: { id: chatId, is_bot: false, first_name: 'Test' },
          message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' } },
        },
      });
      wake();
      return id;
    },
    close: async () => undefined,
  };
  const reply = (response: ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? '');
      if (!match || match[1] !== fake.token) return reply(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      let params: Record<string, unknown>;
      try {
        params = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      } catch {
        return reply(response, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      switch (match[2]) {
        case 'getMe':
          return reply(response, 200, { ok: true, result: { id: 123456, is_bot: true, first_name: 'Habeas', username: fake.username } });
        case 'getUpdates': {
          fake.polls++;
          const offset = Number(params.offset ?? 0);
          while (pending.length && pending[0].update_id < offset) pending.shift();
          if (!pending.length) {
            const seconds = Math.min(Number(params.timeout ?? 0), 50);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, seconds * 1000);
              waiting.add(() => {
                clearTimeout(timer);
                resolve();
              });
            });
          }
          if (response.destroyed) return;
          return reply(response, 200, { ok: true, result: pending.filter((u) => u.update_id >= offset).slice(0, 100) });
        }
        case 'sendMessage': {
          if (failures.count > 0 && String(params.chat_id) === failures.chatId) {
            failures.count--;
            const description = failures.status === 403 ? 'Forbidden: bot was blocked by the user' : 'Internal Server Error';
            return reply(response, failures.status, { ok: false, error_code: failures.status, description });
          }
          if (typeof params.text !== 'string' || params.chat_id === undefined)
            return reply(response, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
          fake.sent.push({
            at: Date.now(),
            chat_id: String(params.chat_id),
            text: params.text,
            reply_markup: params.reply_markup as SentMessage['reply_markup'],
          });
          return reply(response, 200, {
            ok: true,
            result: {
              message_id: fake.sent.length,
              date: Math.floor(Date.now() / 1000),
              chat: { id: Number(params.chat_id), type: 'private' },
              text: params.text,
            },
          });
        }
        case 'answerCallbackQuery':
          fake.answered.push({ callback_query_id: String(params.callback_query_id), text: String(params.text ?? '') });
          return reply(response, 200, { ok: true, result: true });
        default:
          return reply(response, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      wake();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
