import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { modelKeys } from "../../model/ui/model-keys.js";
import { ZMyFocus } from "../model-focus.schema.js";

/**
 * "This month's focus" on the home page. Without a focus it shows nothing, except to those who
 * choose focuses, who get a pointer to do so.
 */
export function MyFocusSection() {
  const { can } = useSession();
  const mine = useQuery({ queryKey: modelKeys.myFocus, queryFn: () => api.get("/api/model-focus/mine", ZMyFocus) });
  const focus = mine.data?.focus;
  if (!mine.data) return null;
  if (!focus) {
    if (!can("modelFocus.set")) return null;
    return (
      <section className="panel focus-card" aria-labelledby="my-focus-heading">
        <h2 id="my-focus-heading">This month's focus</h2>
        <p>No practice focus has been chosen for this month yet.</p>
        <p>
          <Link to="/model/focus">Choose an element or behavior for your units to practise</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel focus-card" aria-labelledby="my-focus-heading">
      <h2 id="my-focus-heading">This month's focus</h2>
      <p className="focus-item">
        <span className="model-code">{focus.item.code}</span> {focus.item.name}
        {focus.item.elementName ? <span className="muted"> · {focus.item.elementName}</span> : null}
      </p>
      {focus.item.text ? <p className="model-pocket">{focus.item.text}</p> : null}
      {focus.note ? (
        <p>
          <strong>Note from {mine.data.unitName ?? "your unit"}:</strong> {focus.note}
        </p>
      ) : null}
      <p>
        <Link to="/model">Read the whole practice model</Link>
        {can("modelFocus.set") ? (
          <>
            {" · "}
            <Link to="/model/focus">Change the focus</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
