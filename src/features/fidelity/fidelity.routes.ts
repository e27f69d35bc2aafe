import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import { registerCalibrationRoutes } from "./calibration.routes.js";
import { getDebrief, listDebriefs } from "./debrief.service.js";
import {
  ZConsensusInput,
  ZDebriefDetail,
  ZDebriefList,
  ZDebriefSummaryList,
  ZDebriefsQuery,
  ZImportQuery,
  ZImportReport,
  ZInstrumentDetail,
  ZInstrumentDraftUpdate,
  ZInstrumentInput,
  ZInstrumentList,
  ZInstrumentPublish,
  ZMyRatingsInput,
  ZObservationForRating,
  ZObservationInput,
  ZObservationList,
  ZObservationsQuery,
  ZObserver,
  ZObserverInput,
  ZObserverList,
  ZObserverUpdate,
  ZPersonResults,
  ZReliability,
  ZReliabilityQuery,
  ZResults,
  ZResultsQuery,
  ZSample,
  ZSampleInput,
} from "./fidelity.schema.js";
import { importObservationHistory } from "./history-import.service.js";
import {
  createInstrument,
  editInstrumentDraft,
  getInstrument,
  listInstruments,
  publishInstrument,
  startInstrumentDraft,
} from "./instrument.service.js";
import {
  getObservation,
  listDebriefsOfPerson,
  listObservations,
  reconcileObservation,
  saveMyRatings,
  scheduleObservation,
} from "./observation.service.js";
import { addObserver, editObserver, listObservers } from "./observer.service.js";
import { getReliability } from "./reliability.service.js";
import { getPersonResults, getResults } from "./results.service.js";
import { drawSample, getSample } from "./sample.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const id = z.string().min(1).max(64);
const ZInstrumentParams = z.object({ instrumentId: id });
const ZObserverParams = z.object({ observerId: id });
const ZSampleParams = z.object({ sampleId: id });
const ZObservationParams = z.object({ observationId: id });
const tags = ["Fidelity"];

export function registerFidelityRoutes(app: App) {
  const { db } = app.database;
  app.get("/api/fidelity/instruments", {
    config: { access: "fidelity.manage" },
    schema: { tags, summary: "The agency's fidelity instruments", response: { 200: ZInstrumentList, ...problems } },
    handler: async (request) => listInstruments(db, actorOf(request)),
  });

  app.post("/api/fidelity/instruments", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary: "Create an instrument with a draft from a template (the nine-measure example links to the model in use)",
      body: ZInstrumentInput,
      response: { 201: ZInstrumentDetail, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createInstrument(db, actorOf(request), request.body)),
  });

  app.get("/api/fidelity/instruments/:instrumentId", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary: "An instrument with its published versions, its newest published content and its draft",
      params: ZInstrumentParams,
      response: { 200: ZInstrumentDetail, ...problems },
    },
    handler: async (request) => getInstrument(db, actorOf(request), request.params.instrumentId),
  });

  app.put("/api/fidelity/instruments/:instrumentId/draft", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Edit the draft: scale, measures with anchors and element links, scoring rules; send the version you read",
      params: ZInstrumentParams,
      body: ZInstrumentDraftUpdate,
      response: { 200: ZInstrumentDetail, ...problems },
    },
    handler: async (request) => editInstrumentDraft(db, actorOf(request), request.params.instrumentId, request.body),
  });

  app.post("/api/fidelity/instruments/:instrumentId/draft", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary: "Start a new draft from the newest published version",
      params: ZInstrumentParams,
      response: { 201: ZInstrumentDetail, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await startInstrumentDraft(db, actorOf(request), request.params.instrumentId)),
  });

  app.post("/api/fidelity/instruments/:instrumentId/publish", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary: "Publish the draft as the next numbered version; published versions never change",
      params: ZInstrumentParams,
      body: ZInstrumentPublish,
      response: { 200: ZInstrumentDetail, ...problems },
    },
    handler: async (request) =>
      publishInstrument(db, actorOf(request), request.params.instrumentId, request.body.version),
  });

  app.get("/api/fidelity/observers", {
    config: { access: "fidelity.manage" },
    schema: { tags, summary: "The observer roster", response: { 200: ZObserverList, ...problems } },
    handler: async (request) => listObservers(db, actorOf(request)),
  });

  app.post("/api/fidelity/observers", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary: "Add a community partner (a partner person) or an agency partner (a staff person) to the roster",
      body: ZObserverInput,
      response: { 201: ZObserver, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await addObserver(db, actorOf(request), request.body)),
  });

  app.put("/api/fidelity/observers/:observerId", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary: "Record an observer's training, certification and its expiry; send the version you read",
      params: ZObserverParams,
      body: ZObserverUpdate,
      response: { 200: ZObserver, ...problems },
    },
    handler: async (request) => editObserver(db, actorOf(request), request.params.observerId, request.body),
  });

  app.post("/api/fidelity/samples", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Draw a random sample of a unit's staff for a period; the seed is shown, and the same seed draws the same sample",
      body: ZSampleInput,
      response: { 201: ZSample, ...problems },
    },
    handler: async (request, reply) => reply.status(201).send(await drawSample(db, actorOf(request), request.body)),
  });

  app.get("/api/fidelity/samples/:sampleId", {
    config: { access: "fidelity.manage" },
    schema: { tags, summary: "A drawn sample", params: ZSampleParams, response: { 200: ZSample, ...problems } },
    handler: async (request) => getSample(db, actorOf(request), request.params.sampleId),
  });

  app.get("/api/fidelity/observations", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary:
        "One page of observations, newest first, filtered by status, unit (and below), event dates and observer: all of them for the fidelity team, the assigned ones for an observer",
      querystring: ZObservationsQuery,
      response: { 200: ZObservationList, ...problems },
    },
    handler: async (request) => listObservations(db, actorOf(request), request.query),
  });

  app.post("/api/fidelity/observations", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Schedule an observation: the event, the staff person, one community and one agency observer certified on the date, and the consent reference",
      body: ZObservationInput,
      response: { 201: ZObservationForRating, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await scheduleObservation(db, actorOf(request), request.body)),
  });

  app.post("/api/fidelity/observations/import", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Import past observations from CSV (observation_id, date, unit, staff_id, observer_id, observer_type, measure_code, rating), all or nothing; dryRun=true writes nothing",
      querystring: ZImportQuery,
      body: z.string().describe("The CSV file itself, sent as text/csv"),
      response: { 200: ZImportReport, ...problems },
    },
    handler: async (request) =>
      importObservationHistory(db, actorOf(request), {
        instrumentId: request.query.instrumentId,
        dryRun: request.query.dryRun === "true",
        csv: request.body,
      }),
  });

  app.get("/api/fidelity/observations/:observationId", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary:
        "An observation with the measures to rate. Before both observers submit, an observer sees only their own ratings and nobody else sees any",
      params: ZObservationParams,
      response: { 200: ZObservationForRating, ...problems },
    },
    handler: async (request) => getObservation(db, actorOf(request), request.params.observationId),
  });

  app.put("/api/fidelity/observations/:observationId/my-ratings", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary: "An assigned observer saves their ratings with notes; submit=true locks them (every measure rated)",
      params: ZObservationParams,
      body: ZMyRatingsInput,
      response: { 200: ZObservationForRating, ...problems },
    },
    handler: async (request) => saveMyRatings(db, actorOf(request), request.params.observationId, request.body),
  });

  app.put("/api/fidelity/observations/:observationId/consensus", {
    config: { access: "fidelity.rate" },
    schema: {
      tags,
      summary: "After both submitted: the consensus rating per measure with notes, and the strengths-first debrief",
      params: ZObservationParams,
      body: ZConsensusInput,
      response: { 200: ZObservationForRating, ...problems },
    },
    handler: async (request) => reconcileObservation(db, actorOf(request), request.params.observationId, request.body),
  });

  app.get("/api/people/:personId/fidelity-debriefs", {
    config: { access: "fidelity.debriefs.read" },
    schema: {
      tags,
      summary:
        "A staff member's fidelity debriefs, for them and their supervisor line: consensus ratings and notes only, newest first",
      params: z.object({ personId: id }),
      response: { 200: ZDebriefList, ...problems },
    },
    handler: async (request) => listDebriefsOfPerson(db, actorOf(request), request.params.personId),
  });

  app.get("/api/fidelity/debriefs", {
    config: { access: "fidelity.debriefs.read" },
    schema: {
      tags,
      summary:
        "The debriefs the reader may open, newest first: their own and their supervisor line's (everyone's for the fidelity team), filtered by person and event dates",
      querystring: ZDebriefsQuery,
      response: { 200: ZDebriefSummaryList, ...problems },
    },
    handler: async (request) => listDebriefs(db, actorOf(request), request.query),
  });

  app.get("/api/fidelity/debriefs/:observationId", {
    config: { access: "fidelity.debriefs.read" },
    schema: {
      tags,
      summary:
        "One debrief for the person observed and their supervisor line: strengths first, next steps, each agreed rating with what it means; never the observers' own ratings",
      params: ZObservationParams,
      response: { 200: ZDebriefDetail, ...problems },
    },
    handler: async (request) => getDebrief(db, actorOf(request), request.params.observationId),
  });

  app.get("/api/fidelity/results/people", {
    config: { access: "fidelity.results.individual" },
    schema: {
      tags,
      summary:
        "Individual results for a supervisor or manager: each person below them in their supervisor line with a reconciled observation",
      querystring: ZResultsQuery.pick({ instrumentId: true }),
      response: { 200: ZPersonResults, ...problems },
    },
    handler: async (request) => getPersonResults(db, actorOf(request), request.query),
  });

  app.get("/api/fidelity/results", {
    config: { access: "fidelity.results.read" },
    schema: {
      tags,
      summary:
        "Aggregate results by unit, office, quarter or training cohort, over the agency (or, for supervisors and managers, their own part of it): observations, share meeting fidelity, mean score and each measure's distribution; groups under 5 show counts only",
      querystring: ZResultsQuery,
      response: { 200: ZResults, ...problems },
    },
    handler: async (request) => getResults(db, actorOf(request), request.query),
  });

  app.get("/api/fidelity/reliability", {
    config: { access: "fidelity.manage" },
    schema: {
      tags,
      summary:
        "Inter-rater reliability from observations rated by exactly two observers: per measure, overall, per observer pair (with drift) and by quarter",
      querystring: ZReliabilityQuery,
      response: { 200: ZReliability, ...problems },
    },
    handler: async (request) => getReliability(db, actorOf(request), request.query.instrumentId),
  });

  registerCalibrationRoutes(app);
}
