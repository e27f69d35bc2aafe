import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { modelKeys } from "../../model/ui/model-keys.js";
import { ZMyFocus } from "../model-focus.schema.js";

/** "This month's focus" on the home page: nothing at all when the unit has none. */
export function MyFocusSection() {
  const mine = useQuery({ queryKey: modelKeys.myFocus, queryFn: () => api.get("/api/model-focus/mine", ZMyFocus) });
  const focus = mine.data?.focus;
  if (!focus) return null;
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
          <strong>Note from {mine.data?.unitName ?? "your unit"}:</strong> {focus.note}
        </p>
      ) : null}
      <p>
        <Link to="/model">Read the whole practice model</Link>
      </p>
    </section>
  );
}
