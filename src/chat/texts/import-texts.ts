import type { Locale } from '../../core/org/types.js';
import type { ImportProblem, ImportWarning } from '../../import/import-error.js';
import type { ImportLimitName } from '../../import/import-limits.js';
import { fieldName } from './field-issues.js';

/** The import CLI's own lines (`npm run import`), in the language of `--lang`. */
export type ImportTexts = {
  readonly problem: (p: ImportProblem) => string;
  readonly note: (w: ImportWarning) => string;
  /** Printed before a stopping problem. */
  readonly stopped: string;
  readonly warning: (text: string) => string;
  readonly rejectedHere: string;
  readonly rejectedByService: string;
  readonly fileSummary: (file: string, rows: number, valid: number, rejected: number) => string;
  readonly dryRun: string;
  /** cli-progress's format: `{bar}`, `{value}` and `{total}` are its own placeholders. */
  readonly progress: string;
};

const RERUN_EN =
  'rows sent before this are stored; re-running the same command imports the rest without duplicates';
const RERUN_ZH = '之前发送的行已保存；再次运行同一命令会导入其余的行，不会重复';

const LIMIT_EN: Readonly<Record<ImportLimitName, (max: string) => string>> = {
  IMPORT_MAX_ROWS: (max) =>
    `the file has more than ${max} rows (limit IMPORT_MAX_ROWS): split it into files of at most ${max} rows and import each`,
  IMPORT_MAX_CELLS: (max) =>
    `the file has more than ${max} cells (limit IMPORT_MAX_CELLS): delete unused columns, or split the file into smaller ones`,
  IMPORT_MAX_UNZIPPED_MB: (max) =>
    `the XLSX unzips to more than ${max} MB (limit IMPORT_MAX_UNZIPPED_MB): split the sheet into smaller files, or save it as CSV`,
  IMPORT_MEMORY: (max) =>
    `reading the file needs more than ${max} MB of memory: split it into smaller files, or save it as CSV`,
};

const LIMIT_ZH: Readonly<Record<ImportLimitName, (max: string) => string>> = {
  IMPORT_MAX_ROWS: (max) =>
    `文件超过 ${max} 行（上限 IMPORT_MAX_ROWS）：请拆成每个不超过 ${max} 行的文件分别导入`,
  IMPORT_MAX_CELLS: (max) =>
    `文件超过 ${max} 个单元格（上限 IMPORT_MAX_CELLS）：请删去不用的列，或拆成几个小文件`,
  IMPORT_MAX_UNZIPPED_MB: (max) =>
    `这个 XLSX 解压后超过 ${max} MB（上限 IMPORT_MAX_UNZIPPED_MB）：请把工作表拆成几个小文件，或另存为 CSV`,
  IMPORT_MEMORY: (max) => `读取这个文件需要超过 ${max} MB 内存：请拆成几个小文件，或另存为 CSV`,
};

const EN: ImportTexts = {
  problem: (p) => {
    switch (p.kind) {
      case 'cannot_read':
        return `cannot read ${p.file} (${p.cause}): check the path`;
      case 'bad_settings':
        return `${p.cause}: fix it in the environment`;
      case 'too_slow':
        return 'reading the file took too long; split it into smaller files and import each';
      case 'bad_csv':
        return `cannot read the CSV file (${p.cause}); save it from Excel as "CSV UTF-8" and retry`;
      case 'bad_xlsx':
        return `cannot read the XLSX file (${p.cause}); open it in Excel and save it as .xlsx again`;
      case 'no_sheet':
        return 'the workbook has no worksheet; put the leads on the first sheet';
      case 'old_format':
        return `${p.file}: the old ${p.ext} format is not supported; save it as .xlsx or .csv`;
      case 'unknown_type':
        return `${p.file}: unknown file type; give a .csv or .xlsx file`;
      case 'unreachable':
        return (
          `cannot reach ${p.endpoint} (${p.cause}, ${p.attempts} tries): is the service running? start it with ` +
          `npm start, or point --url / LEADRELAY_URL at it; ${RERUN_EN}`
        );
      case 'token_refused':
        return 'the service refused the API token (401): set --token or LEADRELAY_API_TOKEN; the demo token is printed by npm start';
      case 'token_forbidden':
        return 'this API token may not create leads (403): use an admin token';
      case 'no_endpoint':
        return `${p.endpoint} does not exist (404): is --url the Leadrelay service, and is it up to date?`;
      case 'chunk_too_large':
        return `a chunk of ${p.chunk} leads is too large for the service (413): use --chunk 100`;
      case 'service_failed':
        return `the service failed (${p.status}) ${p.attempts} times: try again later; ${RERUN_EN}`;
      case 'service_refused':
        return `the service refused the request (${p.status}: ${p.message}); ${RERUN_EN}`;
      case 'not_leadrelay':
        return `${p.endpoint} did not answer like Leadrelay (expected ${p.expected} results): is --url the Leadrelay service?`;
      case 'over_limit':
        return LIMIT_EN[p.limit](p.max.toLocaleString('en-US'));
    }
  },
  note: (w) => {
    switch (w.kind) {
      case 'ignored_column':
        return `column "${w.header}" is not a lead field and is ignored`;
      case 'same_field':
        return `columns ${w.headers.map((h) => `"${h}"`).join(', ')} all mean ${w.field}: each row uses the first of them that is not empty`;
      case 'no_header':
        return 'no column is a lead field: the first non-empty row must be the header (姓名, 手机, 邮箱, …)';
      case 'repeated_row':
        return `row ${w.row} repeats row ${w.first}: it is imported once`;
    }
  },
  stopped: 'import: ',
  warning: (text) => `warning: ${text}`,
  rejectedHere: 'rejected (fix these rows and import the file again; rows already imported are skipped):',
  rejectedByService: 'rejected by the service:',
  fileSummary: (file, rows, valid, rejected) => `${file}: ${rows} rows, ${valid} valid, ${rejected} rejected`,
  dryRun: 'dry run: nothing sent. ',
  progress: 'importing [{bar}] {value}/{total} rows',
};

// Commands, flags, variables and file types stay as typed (npm start, --chunk, LEADRELAY_API_TOKEN, .xlsx).
const ZH: ImportTexts = {
  problem: (p) => {
    switch (p.kind) {
      case 'cannot_read':
        return `无法读取 ${p.file}（${p.cause}）：请检查路径`;
      case 'bad_settings':
        return `${p.cause}：请在环境变量中改正`;
      case 'too_slow':
        return '读取文件用时太长；请拆成几个小文件分别导入';
      case 'bad_csv':
        return `无法读取这个 CSV 文件（${p.cause}）；请在 Excel 中另存为「CSV UTF-8」后重试`;
      case 'bad_xlsx':
        return `无法读取这个 XLSX 文件（${p.cause}）；请用 Excel 打开后重新另存为 .xlsx`;
      case 'no_sheet':
        return '工作簿里没有工作表；请把线索放在第一个工作表';
      case 'old_format':
        return `${p.file}：不支持旧的 ${p.ext} 格式；请另存为 .xlsx 或 .csv`;
      case 'unknown_type':
        return `${p.file}：不认识的文件类型；请提供 .csv 或 .xlsx 文件`;
      case 'unreachable':
        return `无法连接 ${p.endpoint}（${p.cause}，已尝试 ${p.attempts} 次）：服务启动了吗？用 npm start 启动，或用 --url / LEADRELAY_URL 指向它；${RERUN_ZH}`;
      case 'token_refused':
        return '服务拒绝了这个 API 令牌（401）：请设置 --token 或 LEADRELAY_API_TOKEN；演示令牌由 npm start 打印';
      case 'token_forbidden':
        return '这个 API 令牌不能创建线索（403）：请使用管理员令牌';
      case 'no_endpoint':
        return `${p.endpoint} 不存在（404）：--url 指向的是 Leadrelay 服务吗？版本是否最新？`;
      case 'chunk_too_large':
        return `每批 ${p.chunk} 条线索对服务来说太大（413）：请用 --chunk 100`;
      case 'service_failed':
        return `服务出错（${p.status}），已尝试 ${p.attempts} 次：请稍后重试；${RERUN_ZH}`;
      case 'service_refused':
        return `服务拒绝了请求（${p.status}：${p.message}）；${RERUN_ZH}`;
      case 'not_leadrelay':
        return `${p.endpoint} 的回答不像 Leadrelay（应有 ${p.expected} 条结果）：--url 指向的是 Leadrelay 服务吗？`;
      case 'over_limit':
        return LIMIT_ZH[p.limit](p.max.toLocaleString('zh-CN'));
    }
  },
  note: (w) => {
    switch (w.kind) {
      case 'ignored_column':
        return `「${w.header}」列不是线索字段，已忽略`;
      case 'same_field':
        return `${w.headers.map((h) => `「${h}」`).join('、')}这几列都是${fieldName(w.field, 'zh-CN')}：每行取其中第一个不为空的`;
      case 'no_header':
        return '没有一列是线索字段：第一个非空行必须是表头（姓名、手机、邮箱 …）';
      case 'repeated_row':
        return `第 ${w.row} 行与第 ${w.first} 行相同：只导入一次`;
    }
  },
  stopped: '导入失败：',
  warning: (text) => `提示：${text}`,
  rejectedHere: '未导入的行（改正后重新导入整个文件即可，已导入的行会跳过）：',
  rejectedByService: '服务拒绝的行：',
  fileSummary: (file, rows, valid, rejected) =>
    `${file}：共 ${rows} 行，有效 ${valid} 行，未通过 ${rejected} 行`,
  dryRun: '试运行：未发送。',
  progress: '导入中 [{bar}] {value}/{total} 行',
};

export const importTexts = (locale: Locale): ImportTexts => (locale === 'zh-CN' ? ZH : EN);
