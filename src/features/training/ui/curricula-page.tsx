import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { AUDIENCE_LABELS, type Audience, ZCurriculumList } from "../curriculum.schema.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

function audiencesOf(modules: { audiences: Audience[] }[]) {
  const audiences = new Set(modules.flatMap((m) => m.audiences));
  return [...audiences].map((a) => AUDIENCE_LABELS[a]).join(", ");
}

/** The agency's curricula: what each training teaches, to whom, and for how long. */
export function CurriculaPage() {
  const { can } = useSession();
  const curricula = useQuery({
    queryKey: trainingKeys.curricula,
    queryFn: () => api.get("/api/curricula", ZCurriculumList),
  });
  return (
    <>
      <PageHeader
        title="Curricula"
        intro="The modules each training is made of, who they are for and which parts of the practice model they teach."
        actions={
          can("training.manage") ? (
            <Link to="/training/curricula/new" className="button">
              New curriculum
            </Link>
          ) : null
        }
      />
      <TrainingNav />
      {curricula.isPending ? (
        <Loading what="curricula" />
      ) : curricula.isError ? (
        <LoadError error={curricula.error} what="curricula" />
      ) : curricula.data.items.length === 0 ? (
        <p>No curricula yet.{can("training.manage") ? " Create one to schedule sessions from its modules." : ""}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Curricula</caption>
            <thead>
              <tr>
                <th scope="col">Curriculum</th>
                <th scope="col">Modules</th>
                <th scope="col">Minutes in all</th>
                <th scope="col">For</th>
              </tr>
            </thead>
            <tbody>
              {curricula.data.items.map((curriculum) => (
                <tr key={curriculum.id}>
                  <td>
                    <Link to="/training/curricula/$curriculumId" params={{ curriculumId: curriculum.id }}>
                      {curriculum.title}
                    </Link>
                  </td>
                  <td>{curriculum.modules.length}</td>
                  <td>{curriculum.totalMinutes}</td>
                  <td>{audiencesOf(curriculum.modules) || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
