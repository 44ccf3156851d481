import type { CommandHandler } from '../registry.js';
import { COMMAND_NAMES } from '../texts/catalogue.js';

/** `/help` · `/帮助`: every command in the member's language. */
export const helpCommand: CommandHandler = async ({ texts }) => ({
  replies: [
    {
      card: {
        title: texts.help.title,
        fields: [],
        markdown: [
          texts.help.intro,
          ...COMMAND_NAMES.map((name) => texts.help.commands[name]),
          texts.help.aliasesNote,
        ].join('\n'),
        buttons: [],
      },
    },
  ],
});
