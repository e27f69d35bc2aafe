import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { type ChosenPerson, StaffPersonChooser } from "../../../../web/src/components/staff-person-chooser.js";
import { ZCoachingRequest, ZProgramList } from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";

const FIELDS = {
  personId: { id: "invite-person", label: "Whom to invite" },
  programId: { id: "invite-program", label: "Program" },
  message: { id: "invite-message", label: "Message" },
};

/**
 * The coaching supervisor invites someone; the invitee sees the invitation on their coaching page
 * and accepts or declines it. Nobody is enrolled until they accept.
 */
export function InviteForm() {
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<ChosenPerson | null>(null);
  const [programId, setProgramId] = useState("");
  const [message, setMessage] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const programs = useQuery({
    queryKey: coachingKeys.programs,
    queryFn: () => api.get("/api/coaching/programs", ZProgramList),
  });
  const invite = useMutation({
    mutationFn: () =>
      api.post("/api/coaching/invitations", ZCoachingRequest, {
        personId: person?.id ?? "",
        programId: programId || null,
        message,
      }),
    onSuccess: (invitation) => {
      setSentTo(invitation.coacheeName);
      setPerson(null);
      setMessage("");
      void queryClient.invalidateQueries({ queryKey: coachingKeys.requestLists });
    },
  });
  const error = isApiError(invite.error) ? invite.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    invite.mutate();
  };
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone to coaching</h2>
      <p className="muted">They decide: coaching starts only if they accept the invitation.</p>
      <div role="status" className={sentTo ? "notice notice-success" : "visually-hidden"}>
        {sentTo ? `Invitation sent to ${sentTo}. It waits for their answer.` : null}
      </div>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={FIELDS} />
        <StaffPersonChooser
          id={FIELDS.personId.id}
          legend={FIELDS.personId.label}
          chosen={person}
          onChoose={setPerson}
          error={error?.messageFor("personId")}
        />
        <SelectField
          id={FIELDS.programId.id}
          label={FIELDS.programId.label}
          value={programId}
          onChange={setProgramId}
          options={[
            { value: "", label: "No particular program" },
            ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          error={error?.messageFor("programId")}
        />
        <TextField
          id={FIELDS.message.id}
          label={FIELDS.message.label}
          hint="Why you are inviting them; they read it with the invitation."
          value={message}
          onChange={setMessage}
          error={error?.messageFor("message")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={invite.isPending}>
            {invite.isPending ? "Sending…" : "Send invitation"}
          </button>
        </div>
      </form>
    </section>
  );
}
