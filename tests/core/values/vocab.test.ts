import { describe, expect, it } from "vitest";
import type { CostCategory, Outcome } from "#core/model.ts";
import { OUTCOMES, PROGRAMMES, canonicalProgramme, parseCostCategory, parseOutcome } from "#core/values/index.ts";

describe("canonicalProgramme", () => {
  it.each<[string, string]>([
    ["Horizon Europe", "Horizon Europe"],
    ["HORIZON EUROPE", "Horizon Europe"],
    ["Horizon", "Horizon Europe"],
    ["HE", "Horizon Europe"],
    ["Horizon Europe - Cluster 1 Health", "Horizon Europe"],
    ["euratom", "EURATOM"],
    ["EIC Accelerator", "EIC"],
    ["EIC Pathfinder", "EIC"],
    ["MSCA", "MSCA"],
    ["Marie Skłodowska-Curie Actions", "MSCA"],
    ["I3", "I3"],
    ["pnrr", "PNRR"],
    ["PR-FESR", "PR-FESR"],
    ["POR FESR", "PR-FESR"],
    ["POR-FESR", "PR-FESR"],
    ["PR FESR", "PR-FESR"],
    ["POR FESR 2014-2020", "PR-FESR"],
    ["Interreg", "Interreg"],
    ["Interreg Central Europe", "Interreg"],
    ["Digital Europe", "Digital Europe"],
    ["EU4Health", "EU4Health"],
    ["Erasmus+", "Erasmus+"],
    ["erasmus", "Erasmus+"],
    ["LIFE", "LIFE"],
    [" life ", "LIFE"],
  ])("maps %j to %s", (written, canonical) => {
    expect(canonicalProgramme(written)).toBe(canonical);
  });

  it.each(["Horizon 2020", "Life sciences", "Fondazione Cariplo", "", "H"])("leaves %j unknown", (written) => {
    expect(canonicalProgramme(written)).toBeUndefined();
  });

  it.each(PROGRAMMES.map((p) => [p]))("maps the canonical name %s to itself", (name) => {
    expect(canonicalProgramme(name)).toBe(name);
  });
});

describe("parseOutcome", () => {
  it.each<[string, Outcome]>([
    ["idea", "idea"], ["Idea", "idea"],
    ["In preparazione", "drafting"], ["in scrittura", "drafting"], ["drafting", "drafting"],
    ["Presentato", "submitted"], ["SUBMITTED", "submitted"],
    ["In attesa di valutazione", "under-evaluation"], ["in valutazione", "under-evaluation"], ["Under evaluation", "under-evaluation"],
    ["In riserva", "reserve"], ["Reserve list", "reserve"], ["Sopra soglia", "reserve"], ["Seal of Excellence", "reserve"],
    ["Finanziato", "funded"], ["APPROVATO", "funded"], ["funded", "funded"],
    ["Non finanziato", "rejected"], ["respinto", "rejected"], ["Bocciato", "rejected"], ["Rejected", "rejected"],
    ["Ritirato", "withdrawn"], ["withdrawn", "withdrawn"],
    ["In corso", "running"], ["running", "running"],
    ["Concluso", "closed"], ["chiuso", "closed"], ["Closed", "closed"],
    ["under-evaluation", "under-evaluation"], ["Finanziato.", "funded"], [" in  corso ", "running"],
  ])("reads %j as %s", (written, outcome) => {
    expect(parseOutcome(written)).toBe(outcome);
  });

  it.each(OUTCOMES.map((o) => [o]))("reads the canonical outcome %s as itself", (o) => {
    expect(parseOutcome(o)).toBe(o);
  });

  it.each(["forse", "", "finanziabile?"])("leaves %j unknown", (written) => {
    expect(parseOutcome(written)).toBeUndefined();
  });
});

describe("parseCostCategory", () => {
  it.each<[string, CostCategory]>([
    ["A", "coordinator"], ["A)", "coordinator"], ["a.", "coordinator"], ["(B)", "personnel"],
    ["C", "equipment"], ["d)", "communication"], ["E.", "overhead"],
    ["A) Costo del coordinatore operativo a valere sul progetto", "coordinator"],
    ["B) Altri costi di personale per funzioni di coordinamento e promozione dell’Associazione a valere sul progetto", "personnel"],
    ["C) Costi per l’acquisto di attrezzature a valere sul progetto", "equipment"],
    ["D) Costi per la comunicazione e la promozione dell’Associazione a valere sul progetto", "communication"],
    ["E) Spese generali, nella misura forfettaria del 25% delle voci a.+ b.+c.+d.", "overhead"],
    ["Coordinatore", "coordinator"], ["Coordinator personnel", "coordinator"],
    ["Personale", "personnel"], ["Personnel", "personnel"], ["Altri costi di personale", "personnel"],
    ["Attrezzature", "equipment"], ["Equipment", "equipment"],
    ["Comunicazione e promozione", "communication"], ["Communication", "communication"],
    ["Spese generali", "overhead"], ["Overhead", "overhead"], ["Indirect costs", "overhead"], ["Costi indiretti", "overhead"],
    ["Subcontracting", "subcontracting"], ["Subappalto", "subcontracting"],
    ["Travel", "travel"], ["Viaggi", "travel"], ["Missioni", "travel"],
    ["Other goods and services", "goods-services"], ["Altri beni e servizi", "goods-services"],
    ["Other direct costs", "other-direct"], ["Altri costi diretti", "other-direct"],
    ["A. Direct personnel costs", "personnel"], ["E. Indirect costs", "overhead"], ["B. Subcontracting costs", "subcontracting"],
  ])("reads %j as %s", (label, category) => {
    expect(parseCostCategory(label)).toBe(category);
  });

  it.each(["Altro", "F) Varie", "", "Pranzo"])("leaves %j unknown", (label) => {
    expect(parseCostCategory(label)).toBeUndefined();
  });
});
