import { randomUUID } from 'node:crypto';
import { Column, PrimaryColumn, type ColumnOptions } from 'typeorm';

/** Portable column shapes: ids as char(36), instants as DATETIME(3) in UTC, no dialect-only types. */
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (opts: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...opts });
export const InstantColumn = (opts: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...opts });
export const TextColumn = (opts: ColumnOptions = {}) => Column({ type: 'text', ...opts });
export const StringColumn = (length: number, opts: ColumnOptions = {}) => Column({ type: 'varchar', length, ...opts });
export const BoolColumn = (opts: ColumnOptions = {}) => Column({ type: 'boolean', default: false, ...opts });
export const IntColumn = (opts: ColumnOptions = {}) => Column({ type: 'int', ...opts });

export const newId = (): string => randomUUID();
