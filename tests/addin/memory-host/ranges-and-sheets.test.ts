/**
 * The members the adapter uses in normal use behave as Microsoft documents them
 * (addin/memory-host/README.md, "Behaviour table"): number formats, used ranges, activation,
 * sheet and table names, tables and charts, calculation suspension and rule colours.
 */
import { describe, expect, it } from "vitest";
import type { RequestContextLike } from "#addin/excel/api.ts";
import { highlightIssues } from "#addin/excel/highlights.ts";
import { addSheetWithTable } from "#addin/excel/overview-sheet.ts";
import type { Issue } from "#core/validate/issue.ts";
import { createFakeExcel, type FakeExcelHost, type SeedSheet } from "#addin/memory-host/host.ts";
import { HOST_PROFILES } from "#addin/memory-host/profile.ts";
import { open, PLAN } from "./workbooks.ts";

/** Runs one batch that `act` queues, then syncs. */
function batch(host: FakeExcelHost, act: (ctx: RequestContextLike) => void): Promise<void> {
  return host.run(async (ctx) => {
    act(ctx);
    await ctx.sync();
  });
}

function readFormats(host: FakeExcelHost, sheet: string, address: string): Promise<string[][]> {
  return host.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    range.load("numberFormat");
    await ctx.sync();
    return range.numberFormat;
  });
}

describe("Range.numberFormat", () => {
  it("reads General where nothing was set and each code written, one per cell", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    await batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").getRange("B2:C2").numberFormat = [["0.00", "dd/mm/yyyy"]];
    });
    // Assess
    expect(await readFormats(host, "Progetti", "A1:C2")).toEqual([
      ["General", "General", "General"],
      ["General", "0.00", "dd/mm/yyyy"],
    ]);
  });

  it("applies one code to every cell of the range", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    await batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").getRange("A1:B2").numberFormat = [["0%"]];
    });
    // Assess
    expect(await readFormats(host, "Progetti", "A1:B2")).toEqual([
      ["0%", "0%"],
      ["0%", "0%"],
    ]);
  });

  it("refuses codes whose rows and columns do not match the range with InvalidArgument", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    const writing = batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").getRange("A1:A2").numberFormat = [["0", "0"]];
    });
    // Assess
    await expect(writing).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(await readFormats(host, "Progetti", "A1:A2")).toEqual([["General"], ["General"]]);
  });

  it("refuses formatting a protected sheet with AccessDenied", async () => {
    // Prepare
    const host = open([{ ...PLAN, protected: true }]);
    // Act
    const writing = batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").getRange("B2").numberFormat = [["0.00"]];
    });
    // Assess
    await expect(writing).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.cell("Progetti", "B2")?.format?.numberFormat).toBeUndefined();
  });
});

describe("Worksheet.getUsedRange and getUsedRangeOrNullObject", () => {
  /** Address of the used range, or null for a null object. */
  function used(
    host: FakeExcelHost,
    sheet: string,
    orNull: boolean,
    valuesOnly?: boolean,
  ): Promise<string | null> {
    return host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const range = orNull ? ws.getUsedRangeOrNullObject(valuesOnly) : ws.getUsedRange(valuesOnly);
      range.load("address");
      await ctx.sync();
      return range.isNullObject ? null : range.address;
    });
  }
  const empty: SeedSheet = { name: "Vuoto", values: [] };
  const formattedOnly: SeedSheet = { name: "Formati", values: [], formats: { C3: { numberFormat: "0.00" } } };
  const mixed: SeedSheet = {
    name: "Misto",
    values: [[], [null, "a", "b"], [null, "c", 1]],
    formats: { E6: { fill: "#FFFF00" } },
  };

  it.each([
    // sheet, getUsedRange(), getUsedRange(true), …OrNullObject(), …OrNullObject(true)
    [empty, "Vuoto!A1", "Vuoto!A1", null, null],
    [formattedOnly, "Formati!C3", "Formati!A1", "Formati!C3", null],
    [mixed, "Misto!B2:E6", "Misto!B2:C3", "Misto!B2:E6", "Misto!B2:C3"],
  ] as const)(
    "%j: formats count unless valuesOnly; a blank sheet is A1, or a null object",
    async (seed, all, values, orNull, orNullValues) => {
      // Prepare
      const host = open([PLAN, seed]);
      // Act / Assess
      expect(await used(host, seed.name, false)).toBe(all);
      expect(await used(host, seed.name, false, true)).toBe(values);
      expect(await used(host, seed.name, true)).toBe(orNull);
      expect(await used(host, seed.name, true, true)).toBe(orNullValues);
    },
  );

  it("fails the batch with ApiNotFound for valuesOnly below ExcelApi 1.2, and takes no argument there", async () => {
    // Prepare
    const host = open([PLAN], { ...HOST_PROFILES.desktop2021, sets: { ExcelApi: "1.1" } });
    // Act / Assess
    await expect(used(host, "Progetti", false, true)).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(await used(host, "Progetti", false)).toBe("Progetti!A1:B2");
  });
});

describe("Worksheet.activate", () => {
  it("makes the sheet the active one", async () => {
    // Prepare
    const host = open([PLAN, { name: "Linee", values: [["Codice"]] }]);
    const active = () =>
      host.run(async (ctx) => {
        const ws = (
          ctx.workbook.worksheets as unknown as {
            getActiveWorksheet(): { name: string; load(p: string): unknown };
          }
        ).getActiveWorksheet();
        ws.load("name");
        await ctx.sync();
        return ws.name;
      });
    // Act / Assess
    expect(await active()).toBe("Progetti");
    await batch(host, (ctx) => ctx.workbook.worksheets.getItem("Linee").activate());
    expect(await active()).toBe("Linee");
  });
});

describe("Worksheet.name", () => {
  it.each([
    ["a name another sheet has, in another case", "LINEE", "ItemAlreadyExists"],
    ["a name over 31 characters", "x".repeat(32), "InvalidArgument"],
    ["a name with a colon", "Anno: 2024", "InvalidArgument"],
    ["an empty name", "", "InvalidArgument"],
  ])("refuses renaming to %s", async (_, name, code) => {
    // Prepare
    const host = open([PLAN, { name: "Linee", values: [["Codice"]] }]);
    // Act
    const renaming = batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").name = name;
    });
    // Assess
    await expect(renaming).rejects.toMatchObject({ code });
    expect(host.state.sheets.map((s) => s.name)).toEqual(["Progetti", "Linee"]);
  });

  it("renames a sheet to a free name, or to its own name in another case", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    await batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").name = "PROGETTI";
    });
    // Assess
    expect(host.state.sheets.map((s) => s.name)).toEqual(["PROGETTI"]);
  });
});

/** A batch step adding a table at E1:F2 of Progetti and naming it `name`. */
function namingTable(name: string): (ctx: RequestContextLike) => void {
  return (ctx) => {
    ctx.workbook.worksheets.getItem("Progetti").tables.add("E1:F2", true).name = name;
  };
}

describe("TableCollection.add and ChartCollection.add", () => {
  const ROWS = [
    ["Misura", "Progetti"],
    ["M1", 3],
    ["M2", 5],
  ];

  it("build the overview: a named table with headers and a chart over its rows, twice over", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act: the second build replaces the sheet, freeing the table name in the same batch
    await addSheetWithTable(host.run, "Panoramica", ROWS, { title: "Progetti per misura" });
    const result = await addSheetWithTable(host.run, "Panoramica", ROWS, { title: "Progetti per misura" });
    // Assess
    const sheet = host.sheet("Panoramica");
    expect(result).toMatchObject({ address: "A3:B5", table: "AP_Panoramica" });
    expect(sheet.tables).toEqual([
      expect.objectContaining({
        name: "AP_Panoramica",
        hasHeaders: true,
        area: { top: 3, left: 1, bottom: 5, right: 2 },
      }),
    ]);
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "ColumnClustered",
        title: "Progetti per misura",
        source: { top: 3, left: 1, bottom: 5, right: 2 },
      }),
    ]);
    expect(host.state.sheets.filter((s) => s.tables.length > 0)).toHaveLength(1);
  });

  it.each([
    [
      "a table overlapping another",
      (ctx: RequestContextLike): unknown =>
        ctx.workbook.worksheets.getItem("Progetti").tables.add("B2:C3", true),
      "InvalidOperation",
    ],
    [
      "an address that is not one",
      (ctx: RequestContextLike): unknown =>
        ctx.workbook.worksheets.getItem("Progetti").tables.add("A1:", true),
      "InvalidArgument",
    ],
    [
      "a table name another table has, in another case",
      namingTable("ap_tabella"),
      "ItemAlreadyExists",
    ],
    [
      "a table name with a space",
      namingTable("AP Tabella"),
      "InvalidArgument",
    ],
    [
      "a table name that is a cell reference",
      namingTable("AB12"),
      "InvalidArgument",
    ],
    [
      "a table name starting with a digit",
      namingTable("2024_AP"),
      "InvalidArgument",
    ],
  ] as const)("refuse %s", async (_, act, code) => {
    // Prepare
    const host = open([PLAN]);
    await batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").tables.add("A1:B2", true).name = "AP_Tabella";
    });
    // Act
    const adding = batch(host, (ctx) => {
      act(ctx);
    });
    // Assess
    await expect(adding).rejects.toMatchObject({ code });
    expect(
      host
        .sheet("Progetti")
        .tables.map((t) => t.name)
        .filter((n) => n.startsWith("AP")),
    ).toEqual(["AP_Tabella"]);
  });
});

describe("Application.suspendApiCalculationUntilNextSync", () => {
  it("suspends calculation for the next sync only", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Progetti").getRange("C1").values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Progetti").getRange("C2").values = [[2]];
      await ctx.sync();
    });
    // Assess
    expect(host.state.suspendedSyncs).toBe(1);
    expect(host.state.calculationSuspended).toBe(false);
  });
});

describe("ConditionalFormat custom.format.fill and font", () => {
  it("keep the colours highlighting writes, read back by load, and leave the cells' own formats alone", async () => {
    // Prepare
    const host = open([{ ...PLAN, formats: { B2: { fill: "#00FF00", fontColor: "#0000FF" } } }]);
    const issue: Issue = {
      severity: "error",
      code: "test.error",
      sheet: "Progetti",
      cell: "B2",
      row: 2,
      column: "Acronimo",
      message: "",
      value: "DGH",
    };
    // Act
    await highlightIssues(host.run, [issue], undefined, () => undefined);
    const colours = await host.run(async (ctx) => {
      const rules = ctx.workbook.worksheets.getItem("Progetti").getRange().conditionalFormats;
      rules.load("items/id");
      await ctx.sync();
      const formats = rules.items.map((cf) => {
        cf.custom.format.fill.load("color");
        cf.custom.format.font.load("color");
        return cf.custom.format;
      });
      await ctx.sync();
      return formats.map((f) => [f.fill.color, f.font.color]);
    });
    // Assess: Excel's "light red fill with dark red text" and "yellow fill with dark yellow text"
    expect(colours.sort()).toEqual([
      ["#FFC7CE", "#9C0006"],
      ["#FFEB9C", "#9C5700"],
    ]);
    expect(host.cell("Progetti", "B2")?.format).toEqual({ fill: "#00FF00", fontColor: "#0000FF" });
  });
});

describe("Range.getSpecialCellsOrNullObject and Range.formulas", () => {
  it("finds the formula cells, whose formulas read as written and other cells as their values; none is a null object", async () => {
    // Prepare
    const host = open([
      {
        name: "Calcoli",
        values: [
          ["a", 2, 4],
          ["b", 3, 6],
        ],
        formulas: { C1: "=B1*2", C2: "=B2*2" },
      },
      PLAN,
    ]);
    // Act
    const [withFormulas, without] = await Promise.all(
      ["Calcoli", "Progetti"].map((name) =>
        host.run(async (ctx) => {
          const used = ctx.workbook.worksheets.getItem(name).getUsedRange(true);
          const areas = used.getSpecialCellsOrNullObject("Formulas");
          areas.load("areas/items/address");
          used.load("formulas");
          await ctx.sync();
          return {
            areas: areas.isNullObject ? null : areas.areas.items.map((r) => r.address),
            formulas: used.formulas,
          };
        }),
      ),
    );
    // Assess
    expect(withFormulas).toEqual({
      areas: ["Calcoli!C1:C2"],
      formulas: [
        ["a", 2, "=B1*2"],
        ["b", 3, "=B2*2"],
      ],
    });
    expect(without?.areas).toBeNull();
  });
});

describe("Range.getMergedAreasOrNullObject", () => {
  /** A sheet with `n` merged pairs A1:B1, A2:B2, … */
  function withMerged(n: number): SeedSheet {
    return {
      name: "Unite",
      values: Array.from({ length: n }, (_, i) => [`r${String(i + 1)}`]),
      merged: Array.from({ length: n }, (_, i) => `A${String(i + 1)}:B${String(i + 1)}`),
    };
  }
  function mergedCount(host: FakeExcelHost, sheet: string): Promise<number | null> {
    return host.run(async (ctx) => {
      const merged = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true).getMergedAreasOrNullObject();
      merged.load("areaCount");
      await ctx.sync();
      return merged.isNullObject ? null : (merged as unknown as { areaCount: number }).areaCount;
    });
  }

  it("answers the merged areas, a null object when there are none, and fails above 512", async () => {
    // Prepare
    const host = open([PLAN, withMerged(512), { ...withMerged(513), name: "Troppe" }]);
    // Act / Assess
    expect(await mergedCount(host, "Progetti")).toBeNull();
    expect(await mergedCount(host, "Unite")).toBe(512);
    await expect(mergedCount(host, "Troppe")).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("Range.address, rowIndex, columnIndex, rowCount, columnCount and values", () => {
  it("name the sheet as Excel quotes it, count from zero, and read an empty cell as an empty string", async () => {
    // Prepare
    const host = open([{ name: "Linee di intervento", values: [[], [null, "a", null], [null, null, 2]] }]);
    // Act
    const read = await host.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Linee di intervento").getUsedRange(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount,values");
      await ctx.sync();
      const { address, rowIndex, columnIndex, rowCount, columnCount, values } = used;
      return { address, rowIndex, columnIndex, rowCount, columnCount, values };
    });
    // Assess
    expect(read).toEqual({
      address: "'Linee di intervento'!B2:C3",
      rowIndex: 1,
      columnIndex: 1,
      rowCount: 2,
      columnCount: 2,
      values: [
        ["a", ""],
        ["", 2],
      ],
    });
  });
});

describe("NamedItemCollection.getItemOrNullObject and add", () => {
  it("answers a null object for a missing name and the formula of one added; a table's name is taken", async () => {
    // Prepare
    const host = open([PLAN]);
    await batch(host, (ctx) => {
      ctx.workbook.worksheets.getItem("Progetti").tables.add("A1:B2", true).name = "Elenco";
    });
    const formulaOf = (name: string) =>
      host.run(async (ctx) => {
        const item = ctx.workbook.names.getItemOrNullObject(name);
        item.load("formula");
        await ctx.sync();
        return item.isNullObject ? null : item.formula;
      });
    // Act / Assess
    expect(await formulaOf("PRLNEXT")).toBeNull();
    await batch(host, (ctx) => ctx.workbook.names.add("PRLNEXT", "=LAMBDA(ref,CLUSTER.PRLNEXT(ref))"));
    expect(await formulaOf("prlnext")).toBe("=LAMBDA(ref,CLUSTER.PRLNEXT(ref))");
    await expect(batch(host, (ctx) => ctx.workbook.names.add("ELENCO", "=1"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
  });
});

describe("Application.cultureInfo", () => {
  it.each([
    ["it-IT", ",", "."],
    ["en-US", ".", ","],
  ] as const)("%s separates decimals with %j and groups with %j", async (culture, decimal, group) => {
    // Prepare
    const host = createFakeExcel({ sheets: [PLAN], culture });
    // Act
    const read = await host.run(async (ctx) => {
      const info = ctx.workbook.application.cultureInfo;
      info.load("name,numberFormat/numberDecimalSeparator,numberFormat/numberGroupSeparator");
      await ctx.sync();
      return [info.name, info.numberFormat.numberDecimalSeparator, info.numberFormat.numberGroupSeparator];
    });
    // Assess
    expect(read).toEqual([culture, decimal, group]);
  });
});

describe("ConditionalFormat.customOrNullObject", () => {
  it("gives a custom rule's formula and a null object for a rule of another type", async () => {
    // Prepare
    const host = open([PLAN]);
    await batch(host, (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Progetti").getRange("A1:B2");
      range.conditionalFormats.add("Custom").custom.rule.formula = "=A1>0";
      (range.conditionalFormats as unknown as { add(type: string): unknown }).add("DataBar");
    });
    // Act
    const rules = await host.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Progetti").getRange().conditionalFormats;
      cfs.load("items/id,items/customOrNullObject/rule/formula");
      await ctx.sync();
      return cfs.items.map((cf) =>
        cf.customOrNullObject.isNullObject ? null : cf.customOrNullObject.rule.formula,
      );
    });
    // Assess: the newer rule comes first (top priority)
    expect(rules).toEqual([null, "=A1>0"]);
  });
});
