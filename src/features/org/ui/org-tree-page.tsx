import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { useSession } from "../../../../web/src/app/session.js";
import { CheckboxField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type OrgUnitNode, ZOrgTree } from "../org-unit.schema.js";
import { ancestorIds, buildOrgForest, type OrgTreeNode } from "./org-forest.js";
import { AddUnitDialog, type UnitChange, UnitChangeDialog, type UnitChangeResult } from "./org-unit-dialogs.js";

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
  /** Offered to administrators only; the server checks again. */
  onChange: ((change: UnitChange, unit: OrgUnitNode) => void) | null;
}

/** The changes a unit can take: the top of the agency can only be renamed, a retired unit only reopened. */
function changesFor(unit: OrgUnitNode): { change: UnitChange; label: string }[] {
  if (unit.retired) return [{ change: "reopen", label: "Reopen" }];
  if (!unit.parentId) return [{ change: "rename", label: "Rename" }];
  return [
    { change: "rename", label: "Rename" },
    { change: "move", label: "Move" },
    { change: "retire", label: "Retire" },
  ];
}

function TreeBranch({ node, expanded, toggle, linksToPeople, onChange }: TreeBranchProps) {
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
        <span className="org-kind">{KIND_LABELS[unit.kind]}</span>
        {unit.retired ? <span className="badge badge-retired">Retired</span> : null}
        <span className="org-count">{peopleCount(unit.headCount)}</span>
        {linksToPeople ? (
          <Link to="/people" search={{ orgUnitId: unit.id }} className="org-people-link">
            See people<span className="visually-hidden"> in {unit.name}</span>
          </Link>
        ) : null}
        {onChange ? (
          <span className="org-actions">
            {changesFor(unit).map(({ change, label }) => (
              <button
                key={change}
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(change, unit)}
              >
                {label}
                <span className="visually-hidden"> {unit.name}</span>
              </button>
            ))}
          </span>
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
              onChange={onChange}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

type OpenDialog = { kind: "add" } | { kind: "change"; change: UnitChange; unit: OrgUnitNode } | null;

export function OrgTreePage() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const tree = useOrgTree();
  const [showRetired, setShowRetired] = useState(false);
  const units = tree.data?.units ?? [];
  const shownUnits = useMemo(
    () => (showRetired ? (tree.data?.units ?? []) : (tree.data?.units ?? []).filter((unit) => !unit.retired)),
    [tree.data, showRetired],
  );
  const forest = useMemo(() => buildOrgForest(shownUnits), [shownUnits]);
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

  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // After a change the dialog's opener may be gone (a retired unit leaves the tree), so focus
  // goes to the message saying what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const manages = can("orgUnits.manage");
  const retiredCount = units.filter((unit) => unit.retired).length;

  /** Closes the dialog, says what happened, and opens the levels above the unit so it can be seen. */
  const finish = async ({ message, unitId }: UnitChangeResult) => {
    setDialog(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: queryKeys.orgTree });
    void queryClient.invalidateQueries({ queryKey: queryKeys.people });
    void queryClient.invalidateQueries({ queryKey: queryKeys.home });
    const latest = queryClient.getQueryData<{ units: OrgUnitNode[] }>(queryKeys.orgTree)?.units ?? [];
    setExpanded((current) => new Set([...(current ?? open), ...ancestorIds(latest, unitId)]));
  };

  const header = (
    <PageHeader
      title="Organization"
      intro={
        manages
          ? "How the agency is organized, with how many people work in each part. Add, rename, move or retire units as the agency changes."
          : "How the agency is organized, from regions and offices down to social work units, with how many people work in each. Open a level to see what is inside it."
      }
      actions={
        manages && tree.isSuccess ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotice(null);
              setDialog({ kind: "add" });
            }}
          >
            Add a unit
          </button>
        ) : null
      }
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
  const everyParent = shownUnits.map((unit) => unit.id);
  return (
    <>
      {header}
      <div role="status" tabIndex={-1} ref={noticeRef} className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => setExpanded(new Set(everyParent))}>
          Open all levels
        </button>
        <button type="button" className="button button-secondary" onClick={() => setExpanded(new Set())}>
          Close all levels
        </button>
        {retiredCount > 0 ? (
          <CheckboxField
            label={`Show retired units (${retiredCount})`}
            checked={showRetired}
            onChange={setShowRetired}
          />
        ) : null}
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
              onChange={
                manages
                  ? (change, unit) => {
                      setNotice(null);
                      setDialog({ kind: "change", change, unit });
                    }
                  : null
              }
            />
          ))}
        </ul>
      )}
      {dialog?.kind === "add" ? (
        <AddUnitDialog units={units} onAdded={(result) => void finish(result)} onCancel={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "change" ? (
        <UnitChangeDialog
          change={dialog.change}
          unit={dialog.unit}
          units={units}
          onDone={(result) => void finish(result)}
          onDiscard={(result) => void finish(result)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
