import { z } from 'zod';
import type { Clock } from '../../core/shared/clock.js';
import type {
  WecomFileMessage,
  WecomImageMessage,
  WecomMessageContent,
  WecomTemplateCard,
} from './render-wecom-card.js';
import { checkReply, type WecomReply, wecomFetchJson } from './wecom-http.js';
import type { WecomSettings } from './wecom-settings.js';
import { type TokenSource, wecomTokenSource } from './wecom-token.js';

export type WecomApiDeps = { readonly fetch: typeof fetch; readonly clock: Clock };

/** An app message to one member (or several, "a|b"), without agentid: the client adds it. */
export type AppMessage = {
  readonly touser: string;
  /** WeCom drops a repeat of the same request JSON within `duplicate_check_interval` seconds (default 1800). */
  readonly enable_duplicate_check?: 0 | 1;
  readonly duplicate_check_interval?: number;
} & WecomMessageContent;

/** A message to a group chat the app created (appchat). */
export type AppChatMessage = { readonly chatid: string } & (
  | { readonly msgtype: 'text'; readonly text: { readonly content: string } }
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } }
  | WecomImageMessage
  | WecomFileMessage
);

/** Whose copy to change: some members' (userids) or everyone who got the card (atall). */
export type CardUpdateAudience = { readonly userids: readonly string[] } | { readonly atall: 1 };

/** A new card, or only the buttons greyed out with a text (button.replace_name). */
export type CardUpdateContent =
  | { readonly template_card: WecomTemplateCard }
  | { readonly button: { readonly replace_name: string } };

export type SentMessage = { readonly msgId?: string; readonly responseCode?: string };

export interface WecomApi {
  sendMessage(message: AppMessage): Promise<SentMessage>;
  sendAppChat(message: AppChatMessage): Promise<void>;
  /** A PNG uploaded as temporary media (valid 3 days); returns its media_id. */
  uploadImage(png: Uint8Array): Promise<string>;
  /** A file uploaded as temporary media of type file (valid 3 days); returns its media_id. */
  uploadFile(bytes: Uint8Array, name: string, mime: string): Promise<string>;
  updateTemplateCard(
    responseCode: string,
    audience: CardUpdateAudience,
    content: CardUpdateContent,
  ): Promise<void>;
}

// errcode 40014 (invalid access_token) and 42001 (expired): fetch a new token and try once more.
// Doc (全局错误码): https://developer.work.weixin.qq.com/document/path/90313
const TOKEN_ERRCODES = new Set([40014, 42001]);

const sendReply = z.looseObject({
  msgid: z.string().optional(),
  response_code: z.string().optional(),
  invaliduser: z.string().optional(),
  unlicenseduser: z.string().optional(),
});

const uploadReply = z.looseObject({ media_id: z.string().optional() });

/** The WeCom server API at WECOM_API_URL, with the access token handled inside. */
export function wecomApi(settings: WecomSettings, deps: WecomApiDeps): WecomApi {
  const base = settings.WECOM_API_URL;
  const tokens: TokenSource = wecomTokenSource(settings, deps);

  /** POSTs JSON with the current token; on a token errcode, once more with a fresh one. */
  async function post(path: string, body: object): Promise<WecomReply> {
    return request(path, () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    }));
  }

  async function request(path: string, init: () => RequestInit, query = ''): Promise<WecomReply> {
    for (let attempt = 0; ; attempt++) {
      const token = await tokens.get();
      // The token goes in the query string, as WeCom wants; the URL is therefore never logged or put in an error.
      const reply = await wecomFetchJson(
        deps.fetch,
        `${base}${path}?access_token=${encodeURIComponent(token)}${query}`,
        path,
        init(),
      );
      if (attempt === 0 && TOKEN_ERRCODES.has(reply.errcode)) {
        tokens.invalidate(token);
        continue;
      }
      return checkReply(reply, path);
    }
  }

  // 上传临时素材: https://developer.work.weixin.qq.com/document/path/90253 (multipart, the file part named `media`;
  // the part's filename is the name the member sees for a file)
  async function upload(type: 'image' | 'file', bytes: Uint8Array, name: string, mime: string) {
    // The name may not start with "/" nor hold "\" or ":" (document/path/99310, the same upload for providers).
    const shown = name.replace(/^\/+/, '').replace(/[\\:]/g, '-');
    const form = () => {
      const body = new FormData();
      body.append('media', new Blob([new Uint8Array(bytes)], { type: mime }), shown);
      return { method: 'POST', body };
    };
    const reply = uploadReply.parse(await request('/cgi-bin/media/upload', form, `&type=${type}`));
    if (!reply.media_id) throw new Error('WeCom media/upload answered no media_id');
    return reply.media_id;
  }

  return {
    // 发送应用消息: https://developer.work.weixin.qq.com/document/path/90236
    async sendMessage(message) {
      const reply = sendReply.parse(
        await post('/cgi-bin/message/send', { ...message, agentid: settings.WECOM_AGENT_ID }),
      );
      // errcode 0 with invaliduser means WeCom accepted the call but delivered nothing to that member (not in the
      // app's visible range, or left): a silent loss unless we raise it.
      const unreached = [reply.invaliduser, reply.unlicenseduser].filter(Boolean).join('|');
      if (unreached) {
        throw new Error(
          `WeCom did not deliver to ${unreached}: not in the app's visible range (可见范围) or no licence`,
        );
      }
      return {
        ...(reply.msgid ? { msgId: reply.msgid } : {}),
        ...(reply.response_code ? { responseCode: reply.response_code } : {}),
      };
    },

    // 应用推送消息 (group chats created by the app): https://developer.work.weixin.qq.com/document/path/90248
    async sendAppChat(message) {
      await post('/cgi-bin/appchat/send', message);
    },

    async uploadImage(png) {
      return upload('image', png, 'chart.png', 'image/png');
    },

    async uploadFile(bytes, name, mime) {
      return upload('file', bytes, name, mime);
    },

    // 更新模版卡片消息: https://developer.work.weixin.qq.com/document/path/94888
    async updateTemplateCard(responseCode, audience, content) {
      await post('/cgi-bin/message/update_template_card', {
        ...audience,
        agentid: settings.WECOM_AGENT_ID,
        response_code: responseCode,
        ...content,
      });
    },
  };
}
