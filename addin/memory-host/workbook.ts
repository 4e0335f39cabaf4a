/**
 * Workbook, names, settings and application (culture, calculation suspension).
 */
import { FakeClientObject, FakeCollection, type FakeRequestQueue } from "./client-object.ts";
import { FakeOfficeError } from "./errors.ts";
import { areaOf, FakeLeaf, FakeRange } from "./range.ts";
import { findSheet, type FakeNamedItem } from "./state.ts";
import { FakeWorksheetCollection } from "./worksheet.ts";

export class FakeNamedItemProxy extends FakeClientObject {
  constructor(
    queue: FakeRequestQueue,
    private readonly find: () => FakeNamedItem | undefined,
    nullable = false,
  ) {
    super(queue, nullable);
  }
  protected override exists(): boolean {
    return this.find() !== undefined;
  }
  protected scalarProps(): readonly string[] {
    return ["name", "formula", "comment", "type", "visible"];
  }
  protected read(prop: string): unknown {
    const item = this.find();
    if (!item) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    if (prop === "name") return item.name;
    if (prop === "formula") return item.formula;
    if (prop === "comment") return item.comment;
    if (prop === "type") return item.formula.startsWith("=LAMBDA") ? "Error" : "String"; // Office.js has no LAMBDA type
    if (prop === "visible") return true;
    return this.unknown(prop);
  }
  get name(): string {
    return this.loaded("name");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  get comment(): string {
    return this.loaded("comment");
  }
  delete(): void {
    this.later(() => {
      const item = this.find();
      if (item) this.queue.state.names.delete(item.name.toLowerCase());
    });
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItemProxy> {
  protected list(): FakeNamedItemProxy[] {
    return [...this.queue.state.names.values()].map((n) => new FakeNamedItemProxy(this.queue, () => n));
  }
  getItemOrNullObject(name: string): FakeNamedItemProxy {
    this.queue.require("NamedItemCollection.getItemOrNullObject", "1.4");
    return new FakeNamedItemProxy(this.queue, () => this.queue.state.names.get(name.toLowerCase()), true);
  }
  /** `reference` is a formula string ("=LAMBDA(…)") or a range. */
  add(name: string, reference: string | FakeRange, comment = ""): FakeNamedItemProxy {
    this.queue.require("NamedItemCollection.add", "1.4");
    this.later(() => {
      const names = this.queue.state.names;
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeOfficeError("InvalidArgument", `Invalid name ${name}`);
      // Defined names and table names share one namespace ("Define and use names in formulas").
      const lower = name.toLowerCase();
      if (names.has(lower) || this.queue.state.sheets.some((sh) => sh.tables.some((t) => t.name.toLowerCase() === lower)))
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      const formula =
        typeof reference === "string"
          ? reference
          : `=${reference.located().sheet.name}!${reference.located().area.top}`;
      names.set(name.toLowerCase(), { name, formula, comment });
    });
    return this.getItemOrNullObject(name);
  }
}

type SettingLeaf = FakeLeaf & { key: string; value: unknown };

export class FakeSettingCollection extends FakeCollection<SettingLeaf> {
  protected list(): SettingLeaf[] {
    return [...this.queue.state.settings.keys()].map((k) => this.#setting(k));
  }
  #setting(key: string): SettingLeaf {
    const settings = this.queue.state.settings;
    return FakeLeaf.of<{ key: string; value: unknown }>(this.queue, {
      key: [() => key, () => undefined],
      value: [() => settings.get(key), (v) => settings.set(key, v)],
    });
  }
  add(key: string, value: unknown): SettingLeaf {
    const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
    this.later(() => this.queue.state.settings.set(key, copy));
    return this.#setting(key);
  }
  getItemOrNullObject(key: string): FakeSettingProxy {
    return new FakeSettingProxy(this.queue, key);
  }
}

export class FakeSettingProxy extends FakeClientObject {
  constructor(
    queue: FakeRequestQueue,
    private readonly settingKey: string,
  ) {
    super(queue, true);
  }
  protected override exists(): boolean {
    return this.queue.state.settings.has(this.settingKey);
  }
  protected scalarProps(): readonly string[] {
    return ["key", "value"];
  }
  protected read(prop: string): unknown {
    if (prop === "key") return this.settingKey;
    if (prop === "value") return this.queue.state.settings.get(this.settingKey);
    return this.unknown(prop);
  }
  get key(): string {
    return this.loaded("key");
  }
  get value(): unknown {
    return this.loaded("value");
  }
  delete(): void {
    this.later(() => this.queue.state.settings.delete(this.settingKey));
  }
}

export class FakeApplication extends FakeClientObject {
  protected scalarProps(): readonly string[] {
    return [];
  }
  protected read(prop: string): unknown {
    return this.unknown(prop);
  }
  protected override navigate(prop: string): FakeClientObject {
    if (prop === "cultureInfo") return this.cultureInfo;
    return super.navigate(prop);
  }
  get cultureInfo(): FakeLeaf & {
    name: string;
    numberFormat: FakeLeaf & { numberDecimalSeparator: string; numberGroupSeparator: string };
  } {
    return this.child("cultureInfo", () => {
      this.queue.require("Application.cultureInfo", "1.11");
      return this.#cultureInfo();
    });
  }
  #cultureInfo(): FakeLeaf & {
    name: string;
    numberFormat: FakeLeaf & { numberDecimalSeparator: string; numberGroupSeparator: string };
  } {
    const culture = (): typeof this.queue.state.culture => this.queue.state.culture;
    const numberFormat = FakeLeaf.of<{ numberDecimalSeparator: string; numberGroupSeparator: string }>(
      this.queue,
      {
        numberDecimalSeparator: [() => culture().decimalSeparator, () => undefined],
        numberGroupSeparator: [() => culture().groupSeparator, () => undefined],
      },
    );
    const info = new CultureInfoProxy(
      this.queue,
      { name: [() => culture().name, () => undefined] },
      numberFormat,
    );
    return info as CultureInfoProxy & { name: string; numberFormat: typeof numberFormat };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue.require("Application.suspendApiCalculationUntilNextSync", "1.6");
    this.later(() => {
      this.queue.state.calcSuspensions += 1;
      this.queue.state.calculationSuspended = true;
    });
  }
}

class CultureInfoProxy extends FakeLeaf {
  constructor(
    queue: FakeRequestQueue,
    props: ConstructorParameters<typeof FakeLeaf>[1],
    readonly numberFormat: FakeLeaf,
  ) {
    super(queue, props);
  }
  protected override navigate(prop: string): FakeClientObject {
    if (prop === "numberFormat") return this.numberFormat;
    return super.navigate(prop);
  }
}

export class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(queue: FakeRequestQueue) {
    super(queue, false);
    this.worksheets = new FakeWorksheetCollection(queue);
    this.names = new FakeNamedItemCollection(queue);
    this.settings = new FakeSettingCollection(queue);
    this.application = new FakeApplication(queue);
  }
  protected scalarProps(): readonly string[] {
    return ["name"];
  }
  protected read(prop: string): unknown {
    if (prop === "name") {
      this.queue.check("Workbook.name", "1.7");
      return this.queue.state.name;
    }
    return this.unknown(prop);
  }
  protected override navigate(prop: string): FakeClientObject {
    if (prop === "application") return this.application;
    return super.navigate(prop);
  }
  get name(): string {
    return this.loaded("name");
  }

  /**
   * Workbook.getActiveCell (ExcelApi 1.7): "the currently active cell" — the top-left cell of the
   * selection, else A1 of the active worksheet (Excel always has an active cell).
   * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getactivecell-member(1)
   */
  getActiveCell(): FakeRange {
    this.queue.require("Workbook.getActiveCell", "1.7");
    return new FakeRange(this.queue, () => {
      const state = this.queue.state;
      const selected = state.selection && findSheet(state, state.selection.sheet);
      if (selected && state.selection) {
        const area = areaOf(selected, state.selection.address);
        return { sheet: selected, area: { top: area.top, left: area.left, bottom: area.top, right: area.left } };
      }
      const sheet = findSheet(state, state.activeSheet ?? "") ?? state.sheets[0];
      return sheet && { sheet, area: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
}
