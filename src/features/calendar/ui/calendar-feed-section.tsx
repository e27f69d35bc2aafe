import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, apiRequest, isApiError } from "../../../../web/src/api/api-client.js";
import { formatInZone } from "../../../../web/src/app/format.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { ZCalendarFeedStatus, ZNewCalendarFeed } from "../calendar-feed.schema.js";

const feedKey = ["calendar-feed"] as const;

/**
 * On the account page: a private address that calendar programs (Outlook, Google, Apple)
 * subscribe to, so training and coaching sessions show up where people already look.
 */
export function CalendarFeedSection({ timeZone }: { timeZone: string }) {
  const queryClient = useQueryClient();
  const [address, setAddress] = useState<string | null>(null);
  const status = useQuery({ queryKey: feedKey, queryFn: () => api.get("/api/calendar-feed", ZCalendarFeedStatus) });
  const create = useMutation({
    mutationFn: () => api.post("/api/calendar-feed", ZNewCalendarFeed),
    onSuccess: (feed) => {
      setAddress(new URL(feed.path, window.location.origin).toString());
      void queryClient.invalidateQueries({ queryKey: feedKey });
    },
  });
  const turnOff = useMutation({
    mutationFn: () => apiRequest("DELETE", "/api/calendar-feed", ZCalendarFeedStatus),
    onSuccess: () => {
      setAddress(null);
      void queryClient.invalidateQueries({ queryKey: feedKey });
    },
  });
  const error = [create.error, turnOff.error].find(isApiError) ?? null;
  const active = status.data?.active === true;

  return (
    <section aria-labelledby="calendar-heading" className="panel">
      <h2 id="calendar-heading">Your sessions in your own calendar</h2>
      <p>
        Subscribe to a private address in Outlook, Google Calendar or Apple Calendar, and the training and coaching
        sessions you take part in appear there and stay up to date.
      </p>
      <ErrorSummary error={error} fields={{}} />
      {address ? (
        <div className="notice notice-success" role="status">
          <p>
            <strong>Your new calendar address.</strong> Copy it now into your calendar program's "subscribe by URL" or
            "add calendar from internet" option: for your privacy Cascade shows it only this once.
          </p>
          <label htmlFor="calendar-address">Calendar address</label>
          <input
            id="calendar-address"
            className="input input-long"
            readOnly
            value={address}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : active ? (
        <p>
          <strong>Your calendar feed is on</strong>
          {status.data?.createdAt ? ` (address made ${formatInZone(status.data.createdAt, timeZone)})` : ""}. If you
          lost the address, or think someone else has it, make a new one: the old one stops working.
        </p>
      ) : (
        <p className="muted">Your calendar feed is off.</p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => create.mutate()} disabled={create.isPending}>
          {active ? "Make a new calendar address" : "Turn on my calendar feed"}
        </button>
        {active ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => turnOff.mutate()}
            disabled={turnOff.isPending}
          >
            Turn off my calendar feed
          </button>
        ) : null}
      </div>
    </section>
  );
}
