import type { ComplaintCustomers } from '../../core/after-sales/index.js';
import { customerId } from '../../core/shared/ids.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The customers a complaint can name, read from the customers domain's collection: by id, by the lead code it was
 * won from, or by a case-insensitive part of the name or company. One query; an org's customers are read through
 * its (orgId, _id) index, newest first.
 */
export function mongoComplaintCustomers(models: Pick<Models, 'Customer'>): ComplaintCustomers {
  return {
    async match(org, typed, limit) {
      const id = toObjectId(typed);
      const part = { $regex: escaped(typed), $options: 'i' };
      const rows = await models.Customer.collection
        .find(
          {
            orgId: mustObjectId(org),
            $or: [
              ...(id ? [{ _id: id }] : []),
              { leadCode: typed.toUpperCase() },
              { name: part },
              { company: part },
            ],
          },
          { projection: { name: 1 } },
        )
        .sort({ _id: -1 })
        .limit(limit)
        .toArray();
      return rows.map((r) => ({ id: customerId(r._id.toHexString()), name: String(r.name) }));
    },
  };
}
