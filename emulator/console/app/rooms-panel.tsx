import { formatClock, formatPhone } from "./format";
import type { Room } from "./types";

const STATUS_LABEL: Record<Room["status"], string> = { waiting: "Waiting for host", live: "Live", ended: "Ended" };
const ORDER: Record<string, number> = { live: 0, waiting: 1, ended: 2 };

export function RoomsPanel({ rooms }: { rooms: Room[] }) {
  const sorted = [...rooms].sort((a, b) => (ORDER[a.status] ?? 3) - (ORDER[b.status] ?? 3));
  return (
    <section className="panel" aria-labelledby="rooms-title">
      <div className="panel-head">
        <h2 id="rooms-title">Rooms</h2>
        <span className="count">{rooms.filter((r) => r.status !== "ended").length} open</span>
      </div>
      {sorted.length === 0 ? (
        <p className="empty">No conference rooms yet. A room opens when a call reaches a Conference action.</p>
      ) : (
        <ul className="rooms">
          {sorted.map((room) => (
            <li
              key={`${room.workspace_id}/${room.name}`}
              className={`room room-${room.status}`}
              data-testid={`room-${room.name}`}
            >
              <div className="room-head">
                <span className="room-name" title={room.name}>
                  {room.name}
                </span>
                <span className={`badge badge-room-${room.status}`}>
                  <span className="dot" aria-hidden="true" />
                  {STATUS_LABEL[room.status] ?? room.status}
                </span>
              </div>
              <p className="room-meta">
                <span>
                  {room.members.length} {room.members.length === 1 ? "member" : "members"}
                </span>
                {room.started_at ? <span>Started {formatClock(room.started_at)}</span> : null}
                {room.ended_at ? <span>Ended {formatClock(room.ended_at)}</span> : null}
                {room.stalled && room.stalled.length > 0 ? (
                  <span className="stalled">{room.stalled.length} stalled (room full)</span>
                ) : null}
                {room.recording_call_id ? (
                  <span className="recording">
                    <span className="rec-dot" aria-hidden="true" />
                    {room.status === "ended" ? "Recorded" : "Recording"}
                  </span>
                ) : null}
              </p>
              {room.members.length > 0 ? (
                <ul className="members" aria-label={`Members of ${room.name}`}>
                  {room.members.map((m) => (
                    <li key={m.call_id}>
                      <span className="member-number">{formatPhone(m.e164)}</span>
                      {m.waiting ? <span className="tag tag-waiting">Waiting</span> : null}
                      {m.muted ? <span className="tag tag-muted">Muted</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="room-foot">
                Workspace <code>{room.workspace_id}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
