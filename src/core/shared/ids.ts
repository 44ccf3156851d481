// Branded ids: a MemberId cannot be passed where a LeadId is expected, though both are strings at run time.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type OrgId = Brand<string, 'OrgId'>;
export type TeamId = Brand<string, 'TeamId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type LeadId = Brand<string, 'LeadId'>;

export const orgId = (value: string): OrgId => value as OrgId;
export const teamId = (value: string): TeamId => value as TeamId;
export const memberId = (value: string): MemberId => value as MemberId;
export const leadId = (value: string): LeadId => value as LeadId;
export type FollowUpId = Brand<string, 'FollowUpId'>;
export type CustomerId = Brand<string, 'CustomerId'>;
export type OrderId = Brand<string, 'OrderId'>;

export const followUpId = (value: string): FollowUpId => value as FollowUpId;
export const customerId = (value: string): CustomerId => value as CustomerId;
export const orderId = (value: string): OrderId => value as OrderId;
