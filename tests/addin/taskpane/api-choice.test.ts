import { describe, expect, it } from "vitest";
import { chooseApi } from "#addin/taskpane/sync/api-choice.ts";

const FILE = "https://api.file.example";
const MINE = "https://api.mine.example";

describe("the API address the Sync panel uses", () => {
  it.each([
    {
      name: "the user's setting, whatever the file names",
      setting: MINE,
      workbook: FILE,
      confirmed: undefined,
      apiUrl: MINE,
      pending: undefined,
    },
    {
      name: "nothing from a file not confirmed: it waits for the user",
      setting: "",
      workbook: FILE,
      confirmed: undefined,
      apiUrl: "",
      pending: FILE,
    },
    {
      name: "the file's address once the user confirmed it",
      setting: "",
      workbook: FILE,
      confirmed: FILE,
      apiUrl: FILE,
      pending: undefined,
    },
    {
      name: "nothing when another address was confirmed",
      setting: "",
      workbook: FILE,
      confirmed: MINE,
      apiUrl: "",
      pending: FILE,
    },
    {
      name: "nothing, and nothing to confirm, without setting or file address",
      setting: " ",
      workbook: undefined,
      confirmed: undefined,
      apiUrl: "",
      pending: undefined,
    },
  ])("$name", ({ setting, workbook, confirmed, apiUrl, pending }) => {
    // Act
    const choice = chooseApi(setting, workbook, confirmed);
    // Assess
    expect(choice).toEqual({ apiUrl, pending });
  });
});
