/** The contact plan's texts: the reminder, the manager's missed contacts, the lead card's plan lines, the agenda. */
export type PlanTexts = {
  readonly reminder: {
    readonly title: string;
    /** "10:00 联系 王磊" */
    readonly line: (time: string, who: string) => string;
    /** "上次：约到试用" */
    readonly last: (outcome: string) => string;
    readonly firstContact: string;
    readonly recordFollowUp: string;
    readonly snooze: (choice: string) => string;
    readonly done: string;
  };
  /** 稍后提醒's choices: `1h` … `72h`, `tomorrow` (the next agenda time). */
  readonly snoozeChoice: { readonly hours: (hours: number) => string; readonly tomorrow: string };
  readonly snoozed: (at: string) => string;
  readonly missed: {
    readonly title: (count: string) => string;
    readonly line: (owner: string, who: string, time: string) => string;
    readonly more: (count: string) => string;
  };
  /** The follow-up outcomes of the default list, by key; an org's own outcome shows its key as typed. */
  readonly outcomes: Readonly<Record<string, string>>;
  readonly channels: Readonly<Record<string, string>>;
  /** The default stage list's names, by key (until the stages' own `stageName` is on main). */
  readonly stages: Readonly<Record<string, string>>;
  readonly card: {
    readonly nextContact: string;
    readonly stage: string;
    readonly reclaimIn: (days: number) => string;
    readonly reclaimSoon: (days: number) => string;
  };
  readonly agenda: {
    readonly title: (name: string) => string;
    readonly teamTitle: (team: string) => string;
    readonly lists: { readonly today: string; readonly overdue: string; readonly stalled: string };
    readonly count: (n: string) => string;
    readonly empty: string;
    readonly nothing: string;
    readonly more: (n: string) => string;
    readonly ladder: string;
    readonly lastAt: (at: string) => string;
    readonly viewHeader: (list: string, count: string) => string;
  };
};
