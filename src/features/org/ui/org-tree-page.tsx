import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type OrgUnitNode, ZOrgTree } from "../org-unit.schema.js";
import { buildOrgForest, type OrgTreeNode } from "./org-forest.js";

const KIND_LABELS: Record<OrgUnitNode["kind"], string> = {
  agency: "Agency",
  division: "Division",
  region: "Region",
  office: "Office",
  unit: "Unit",
};

const peopleCount = (count: number) => (count === 1 ? "1 person" : `${count} people`);

export function useOrgTree() {
  return useQuery({ queryKey: queryKeys.orgTree, queryFn: () => api.get("/api/org-units", ZOrgTree) });
}

interface TreeBranchProps {
  node: OrgTreeNode;
  expanded: Set<string>;
  toggle: (id: string) => void;
  linksToPeople: boolean;
}

function TreeBranch({ node, expanded, toggle, linksToPeople }: TreeBranchProps) {
  const { unit, children } = node;
  const isOpen = expanded.has(unit.id);
  const childListId = `org-children-${unit.id}`;
  return (
    <li className={`org-node org-${unit.kind}`}>
      <div className="org-row">
        {children.length > 0 ? (
          <button
            type="button"
            className="disclosure"
            aria-expanded={isOpen}
            aria-controls={isOpen ? childListId : undefined}
            onClick={() => toggle(unit.id)}
          >
            <span className="disclosure-icon" aria-hidden="true" />
            <span className="org-name">{unit.name}</span>
          </button>
        ) : (
          <span className="org-name org-leaf">{unit.name}</span>
        )}
        <span className="org-kind">
          {KIND_LABELS[unit.kind]}
          {unit.retired ? " · retired" : ""}
        </span>
        <span className="org-count">{peopleCount(unit.headCount)}</span>
        {linksToPeople ? (
          <Link to="/people" search={{ orgUnitId: unit.id }} className="org-people-link">
            See people<span className="visually-hidden"> in {unit.name}</span>
          </Link>
        ) : null}
      </div>
      {isOpen && children.length > 0 ? (
        <ul id={childListId} className="org-children">
          {children.map((child) => (
            <TreeBranch
              key={child.unit.id}
              node={child}
              expanded={expanded}
              toggle={toggle}
              linksToPeople={linksToPeople}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function OrgTreePage() {
  const { can } = useSession();
  const tree = useOrgTree();
  const forest = useMemo(() => buildOrgForest(tree.data?.units ?? []), [tree.data]);
  // The agency and its regions start open: the first level people look for is usually their office.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const open = expanded ?? new Set(forest.map((root) => root.unit.id));
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current ?? open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const header = (
    <PageHeader
      title="Organization"
      intro="How the agency is organized, from regions and offices down to social work units, with how many people work in each. Open a level to see what is inside it."
    />
  );
  if (tree.isPending) return <Loading what="the organization" />;
  if (tree.isError) {
    return (
      <>
        {header}
        <LoadError error={tree.error} what="the organization" />
      </>
    );
  }
  const everyParent = tree.data.units.map((unit) => unit.id);
  return (
    <>
      {header}
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => setExpanded(new Set(everyParent))}>
          Open all levels
        </button>
        <button type="button" className="button button-secondary" onClick={() => setExpanded(new Set())}>
          Close all levels
        </button>
      </div>
      {forest.length === 0 ? (
        <p>No org units have been set up yet.</p>
      ) : (
        <ul className="org-tree">
          {forest.map((root) => (
            <TreeBranch
              key={root.unit.id}
              node={root}
              expanded={open}
              toggle={toggle}
              linksToPeople={can("people.read")}
            />
          ))}
        </ul>
      )}
    </>
  );
}
