// The two lists of 双随机 (DOMAIN.md): inspection targets and certified inspectors.
import { z } from 'zod';
import { cleanString } from './text';

/** Most tenants a target may list (the hub stores a 32-bit integer). */
export const MAX_TENANT_COUNT = 1_000_000_000;
/** Longest text of a list field (as the importer's MAX_TEXT); a code list holds at most 200 codes. */
const text = () => cleanString().max(200);
const codes = () => z.array(cleanString().min(1).max(200)).max(200);

/** Kinds of non-grid supplier; stored as these codes, shown through i18n (`kind.<code>`). */
export const ENTITY_KINDS = ['mall', 'industrial_park', 'office_building', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Credit grades 绿、蓝、黄、红、黑; green and blue count as trustworthy. */
export const CREDIT_GRADES = ['green', 'blue', 'yellow', 'red', 'black'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

/** An inspection target (检查对象). `uscc` is canonical: 18 upper-case characters, check verified. */
export const entitySchema = z.object({
  uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  name: text().min(1),
  kind: z.enum(ENTITY_KINDS),
  district: text().min(1),
  subdistrict: text(),
  address: text(),
  /** Longitude / latitude in degrees (WGS-84), both or neither. */
  lng: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  tenantCount: z.number().int().nonnegative().max(MAX_TENANT_COUNT).nullable(),
  contact: text(),
  phone: text(),
  credit: z.enum(CREDIT_GRADES).nullable(),
  /** Certificate numbers of the inspectors who inspected this target last time (for recusal). */
  lastInspectors: codes(),
  active: z.boolean(),
});
export type Entity = z.infer<typeof entitySchema>;

/** A certified law-enforcement inspector (执法检查人员). `certNo` is the enforcement certificate number. */
export const inspectorSchema = z.object({
  certNo: cleanString().min(1).max(200),
  name: text().min(1),
  unit: text(),
  district: text().min(1),
  /** The sub-district office the inspector works in, if any (for same-sub-district recusal). */
  subdistrict: text(),
  phone: text(),
  /** USCCs of targets the inspector declared a conflict of interest with. */
  conflicts: codes(),
  active: z.boolean(),
});
export type Inspector = z.infer<typeof inspectorSchema>;

export type ListKind = 'entities' | 'inspectors';
