import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, apiRequest, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { modelKeys } from "../../model/ui/model-keys.js";
import { type Focus, type FocusBoard, ZFocus, ZFocusBoard } from "../model-focus.schema.js";

type Unit = FocusBoard["units"][number];
type BoardModel = NonNullable<FocusBoard["model"]>;

function itemOptions(model: BoardModel) {
  return [
    { value: "", label: "Choose an element or behavior" },
    ...model.elements.flatMap((e) => [
      { value: e.id, label: `${e.code} ${e.name} (whole element)` },
      ...e.behaviors.map((b) => ({ value: b.id, label: `– ${b.code} ${b.shortName}` })),
    ]),
  ];
}

function UnitFocusForm({ unit, month, model }: { unit: Unit; month: string; model: BoardModel }) {
  const queryClient = useQueryClient();
  const [itemId, setItemId] = useState(unit.focus?.item.id ?? "");
  const [note, setNote] = useState(unit.focus?.note ?? "");
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["model-focus"] });
  };
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/model-focus/${unit.orgUnitId}/${month}`, ZFocus, {
        itemId,
        note,
        ...(unit.focus ? { version: unit.focus.version } : {}),
      }),
    onSuccess: refresh,
  });
  const clear = useMutation({
    mutationFn: (focus: Focus) =>
      apiRequest("DELETE", `/api/model-focus/${unit.orgUnitId}/${month}`, ZFocus, {
        query: { version: focus.version },
      }),
    onSuccess: () => {
      setItemId("");
      setNote("");
      refresh();
    },
  });
  const error = isApiError(save.error) ? save.error : isApiError(clear.error) ? clear.error : null;
  const prefix = `focus-${unit.orgUnitId}`;
  return (
    <section className="panel" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{unit.name}</h2>
      <p>
        {unit.focus ? (
          <>
            This month:{" "}
            <strong>
              {unit.focus.item.code} {unit.focus.item.name}
            </strong>
          </>
        ) : (
          "No focus chosen for this month yet."
        )}
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorSummary
          error={error}
          fields={{ itemId: { id: `${prefix}-item`, label: "Focus" }, note: { id: `${prefix}-note`, label: "Note" } }}
        />
        {error?.status === 409 ? <p>Someone else changed this focus meanwhile; the page now shows theirs.</p> : null}
        <SelectField
          id={`${prefix}-item`}
          label={`Focus for ${unit.name}`}
          value={itemId}
          onChange={setItemId}
          options={itemOptions(model)}
          error={error?.messageFor("itemId")}
        />
        <TextField
          id={`${prefix}-note`}
          label="Note for the team (optional)"
          value={note}
          onChange={setNote}
          error={error?.messageFor("note")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {unit.focus ? "Change focus" : "Set focus"}
          </button>
          {unit.focus ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={clear.isPending}
              onClick={() => unit.focus && clear.mutate(unit.focus)}
            >
              Clear focus
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** Where supervisors and managers choose what their units practise this month. */
export function FocusPage() {
  const [monthText, setMonthText] = useState<string | null>(null);
  // The board follows the typed month once it is a whole month; until then it stays where it was.
  const [month, setMonth] = useState<string | undefined>(undefined);
  const board = useQuery({
    queryKey: modelKeys.focusBoard(month ?? "current"),
    queryFn: () => api.get("/api/model-focus", ZFocusBoard, { month }),
    // Keeps the page (and the month field's focus) in place while another month loads.
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageHeader
        title="Monthly practice focus"
        intro="Pick one element or behavior of the practice model for your team to practise this month. It shows on their home pages."
      />
      {board.isPending ? (
        <Loading what="your units" />
      ) : board.isError ? (
        <LoadError error={board.error} what="your units" />
      ) : (
        <>
          <div className="model-pickers">
            <TextField
              label="Month"
              hint="As year and month, e.g. 2026-03."
              width="short"
              value={monthText ?? board.data.month}
              onChange={(next) => {
                setMonthText(next);
                if (/^\d{4}-(0[1-9]|1[0-2])$/.test(next)) setMonth(next);
              }}
            />
          </div>
          {board.data.model === null ? (
            <p className="notice">No practice model has been published yet, so there is nothing to choose from.</p>
          ) : board.data.units.length === 0 ? (
            <p className="notice">You do not lead a unit, so there is no focus for you to set.</p>
          ) : (
            board.data.units.map((unit) => (
              <UnitFocusForm
                key={`${unit.orgUnitId}:${board.data.month}:${unit.focus?.version ?? 0}`}
                unit={unit}
                month={board.data.month}
                model={board.data.model as BoardModel}
              />
            ))
          )}
        </>
      )}
    </>
  );
}
