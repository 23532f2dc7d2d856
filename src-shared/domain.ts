// The two lists of 双随机 (DOMAIN.md): inspection targets and certified inspectors.
import { z } from 'zod';

/** Kinds of non-grid supplier; stored as these codes, shown through i18n (`kind.<code>`). */
export const ENTITY_KINDS = ['mall', 'industrial_park', 'office_building', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Credit grades 绿、蓝、黄、红、黑; green and blue count as trustworthy. */
export const CREDIT_GRADES = ['green', 'blue', 'yellow', 'red', 'black'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

/** An inspection target (检查对象). `uscc` is canonical: 18 upper-case characters, check verified. */
export const entitySchema = z.object({
  uscc: z.string().length(18),
  name: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  district: z.string().min(1),
  subdistrict: z.string(),
  address: z.string(),
  /** Longitude / latitude in degrees (WGS-84), both or neither. */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  tenantCount: z.number().int().nonnegative().nullable(),
  contact: z.string(),
  phone: z.string(),
  credit: z.enum(CREDIT_GRADES).nullable(),
  /** Certificate numbers of the inspectors who inspected this target last time (for recusal). */
  lastInspectors: z.array(z.string()),
  active: z.boolean(),
});
export type Entity = z.infer<typeof entitySchema>;

/** A certified law-enforcement inspector (执法检查人员). `certNo` is the enforcement certificate number. */
export const inspectorSchema = z.object({
  certNo: z.string().min(1),
  name: z.string().min(1),
  unit: z.string(),
  district: z.string().min(1),
  /** The sub-district office the inspector works in, if any (for same-sub-district recusal). */
  subdistrict: z.string(),
  phone: z.string(),
  /** USCCs of targets the inspector declared a conflict of interest with. */
  conflicts: z.array(z.string()),
  active: z.boolean(),
});
export type Inspector = z.infer<typeof inspectorSchema>;

export type ListKind = 'entities' | 'inspectors';
