import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface RatingLine {
  /** The key of each point that holds this line's rating. */
  dataKey: string;
  name: string;
  color: string;
  /** A dashed line tells two lines apart without relying on color alone. */
  dashed?: boolean;
}

/**
 * Ratings over time as lines, one per goal or per rater, from 1 up to `maxRating`. The chart is
 * one image to screen readers: the page puts the same numbers in a table beside it.
 */
export function RatingsLineChart({
  points,
  lines,
  maxRating,
  height,
  label,
}: {
  points: ({ date: string } & Record<string, string | number | undefined>)[];
  lines: RatingLine[];
  maxRating: number;
  height: number;
  label: string;
}) {
  return (
    <div className="coaching-progress-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis domain={[1, maxRating]} allowDecimals={false} />
          <Tooltip />
          <Legend />
          {lines.map((line) => (
            <Line
              key={line.dataKey}
              type="monotone"
              dataKey={line.dataKey}
              name={line.name}
              stroke={line.color}
              {...(line.dashed ? { strokeDasharray: "6 3" } : {})}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
