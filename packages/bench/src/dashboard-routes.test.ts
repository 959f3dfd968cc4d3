import { describe, expect, it } from "vitest";
import { dashboardRoutes, shippedStatements } from "./dashboard-routes";

const statement = (statement_id: string, speaker_id: string, frame: "risk" | "consequence" | "assessment", text = "Ryssland kan komma att stanna kvar.") => ({
  statement_id,
  speaker_id,
  frame,
  text,
});

describe("dashboardRoutes", () => {
  it("filters the explorer to the busiest speaker and that speaker's most frequent frame", () => {
    const routes = dashboardRoutes([
      statement("1:0-5:a", "anna", "risk"),
      statement("1:6-9:b", "bo", "assessment"),
      statement("2:0-5:b", "bo", "consequence"),
      statement("3:0-5:b", "bo", "consequence"),
    ]);
    expect(routes.map((r) => r.path)).toEqual(["/compare", "/statements", "/statements?speaker=bo&frame=consequence", expect.stringMatching(/^\/statements\?q=/)]);
  });

  it("searches for the first three words of the middle statement, URL-encoded", () => {
    const routes = dashboardRoutes([statement("1:0-5:a", "anna", "risk", "x"), statement("1:6-9:b", "bo", "risk", "  Det är  oklart vad som händer.")]);
    const search = routes.find((r) => r.name === "explorer, text search");
    expect(new URLSearchParams(search?.path.split("?")[1]).get("q")).toBe("Det är oklart");
  });

  it("asks only for compare and the first explorer page when the run has no statements", () => {
    expect(dashboardRoutes([]).map((r) => r.name)).toEqual(["compare", "explorer, page 1"]);
  });
});

describe("shippedStatements", () => {
  const ids = new Set(["000001:10-90:jakob-hedenskog", "000001:95-140:gudrun-persson", "000002:0-50:jakob-hedenskog"]);

  it("counts each known id once, in markup and in the escaped React payload", () => {
    const body =
      '<li data-statement="000001:10-90:jakob-hedenskog">…</li><li data-statement="000001:95-140:gudrun-persson">' +
      '<script>self.__next_f.push([1,"{\\"id\\":\\"000001:10-90:jakob-hedenskog\\",\\"x\\":\\"000002:0-50:jakob-hedenskog\\"}"])</script>';
    expect(shippedStatements(body, ids)).toBe(3);
  });

  it("ignores ids the run does not have and lookalikes inside longer tokens", () => {
    expect(shippedStatements('<a href="/documents/000001#000001:10-90:jakob-hedenskog-x">000009:1-2:x</a>', ids)).toBe(0);
  });
});
