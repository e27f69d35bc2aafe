import { z } from "zod";
import type { App } from "../../server/http-types.js";
import { actorOf } from "../../server/http-types.js";
import { ZProblem } from "../../server/problem-details.js";
import {
  ZAgreement,
  ZAgreementInput,
  ZAgreementUpdate,
  ZHoursLogInput,
  ZHoursLogResult,
  ZPartnerAccount,
  ZPartnerAccountInput,
  ZPartnerOrganization,
  ZPartnerOrganizationDetail,
  ZPartnerOrganizationInput,
  ZPartnerOrganizationList,
  ZPartnerOrganizationQuery,
  ZPartnerOrganizationUpdate,
  ZPartnerPerson,
  ZPartnerPersonDetail,
  ZPartnerPersonInput,
  ZPartnerPersonUpdate,
} from "./partner.schema.js";
import {
  addAgreement,
  addPartnerPerson,
  createPartnerAccount,
  createPartnerOrganization,
  editAgreement,
  editPartnerOrganization,
  editPartnerPerson,
  getPartnerOrganization,
  getPartnerPerson,
  listPartnerOrganizations,
  logPartnerHours,
} from "./partner.service.js";

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const id = z.string().min(1).max(64);
const ZOrganizationParams = z.object({ partnerOrganizationId: id });
const ZPartnerPersonParams = z.object({ partnerPersonId: id });
const ZAgreementParams = z.object({ agreementId: id });
const tags = ["Partners"];

export function registerPartnerRoutes(app: App) {
  const { db } = app.database;

  app.get("/api/partner-organizations", {
    config: { access: "partners.read" },
    schema: {
      tags,
      summary: "The agency's community and Tribal partners, optionally of one kind",
      querystring: ZPartnerOrganizationQuery,
      response: { 200: ZPartnerOrganizationList, ...problems },
    },
    handler: async (request) => listPartnerOrganizations(db, actorOf(request), request.query),
  });

  app.post("/api/partner-organizations", {
    config: { access: "partners.manage" },
    schema: {
      tags,
      summary: "Add a partner organization or Tribe",
      body: ZPartnerOrganizationInput,
      response: { 201: ZPartnerOrganization, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createPartnerOrganization(db, actorOf(request), request.body)),
  });

  app.get("/api/partner-organizations/:partnerOrganizationId", {
    config: { access: "partners.read" },
    schema: {
      tags,
      summary: "A partner organization with its people",
      params: ZOrganizationParams,
      response: { 200: ZPartnerOrganizationDetail, ...problems },
    },
    handler: async (request) => getPartnerOrganization(db, actorOf(request), request.params.partnerOrganizationId),
  });

  app.put("/api/partner-organizations/:partnerOrganizationId", {
    config: { access: "partners.manage" },
    schema: {
      tags,
      summary: "Edit, retire or reopen a partner organization; send the version you read, or get 409",
      params: ZOrganizationParams,
      body: ZPartnerOrganizationUpdate,
      response: { 200: ZPartnerOrganization, ...problems },
    },
    handler: async (request) =>
      editPartnerOrganization(db, actorOf(request), request.params.partnerOrganizationId, request.body),
  });

  app.post("/api/partner-organizations/:partnerOrganizationId/people", {
    config: { access: "partners.manage" },
    schema: {
      tags,
      summary: "Add a person to a partner organization, with the roles they hold",
      params: ZOrganizationParams,
      body: ZPartnerPersonInput,
      response: { 201: ZPartnerPerson, ...problems },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await addPartnerPerson(db, actorOf(request), request.params.partnerOrganizationId, request.body)),
  });

  app.get("/api/partner-people/:partnerPersonId", {
    config: { access: "partners.read" },
    schema: {
      tags,
      summary: "A partner person; agreements and hours only for those who may see what partners are paid",
      params: ZPartnerPersonParams,
      response: { 200: ZPartnerPersonDetail, ...problems },
    },
    handler: async (request) => getPartnerPerson(db, actorOf(request), request.params.partnerPersonId),
  });

  app.put("/api/partner-people/:partnerPersonId", {
    config: { access: "partners.manage" },
    schema: {
      tags,
      summary: "Edit a partner person and their roles; send the version you read, or get 409",
      params: ZPartnerPersonParams,
      body: ZPartnerPersonUpdate,
      response: { 200: ZPartnerPerson, ...problems },
    },
    handler: async (request) => editPartnerPerson(db, actorOf(request), request.params.partnerPersonId, request.body),
  });

  app.post("/api/partner-people/:partnerPersonId/account", {
    config: { access: "partnerAccounts.create" },
    schema: {
      tags,
      summary: "Open a partner-viewer account for a partner person, with an initial password",
      params: ZPartnerPersonParams,
      body: ZPartnerAccountInput,
      response: { 201: ZPartnerAccount, ...problems },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createPartnerAccount(db, actorOf(request), request.params.partnerPersonId, request.body)),
  });

  app.post("/api/partner-people/:partnerPersonId/agreements", {
    config: { access: "partners.manage" },
    schema: {
      tags,
      summary: "Add a compensation agreement (stipend, contract or hourly) for a partner person",
      params: ZPartnerPersonParams,
      body: ZAgreementInput,
      response: { 201: ZAgreement, ...problems },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addAgreement(db, actorOf(request), request.params.partnerPersonId, request.body)),
  });

  app.put("/api/partner-agreements/:agreementId", {
    config: { access: "partners.manage" },
    schema: {
      tags,
      summary: "Edit a compensation agreement; send the version you read, or get 409",
      params: ZAgreementParams,
      body: ZAgreementUpdate,
      response: { 200: ZAgreement, ...problems },
    },
    handler: async (request) => editAgreement(db, actorOf(request), request.params.agreementId, request.body),
  });

  app.post("/api/partner-agreements/:agreementId/hours", {
    config: { access: "partnerHours.log" },
    schema: {
      tags,
      summary: "Log hours worked; past the budget only with overBudgetConfirmed: true",
      params: ZAgreementParams,
      body: ZHoursLogInput,
      response: { 201: ZHoursLogResult, ...problems },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await logPartnerHours(db, actorOf(request), { ...request.body, agreementId: request.params.agreementId }),
        ),
  });
}
