//! SCTP in a relay: SCTP has no half-close. Our `shutdown(SHUT_WR)` starts the association's
//! graceful SHUTDOWN, after which the peer sends no new data; once the SHUTDOWN completes, a
//! one-to-one socket is `CLOSED` without ever becoming readable (Linux sets no receive
//! shutdown when *we* started it), so a reader waiting for end of file would wait forever.
//!
//! The relay therefore subscribes to association change notifications (`SCTP_EVENT`,
//! `SCTP_ASSOC_CHANGE`): the kernel queues one after the last data when the association ends
//! (`SCTP_SHUTDOWN_COMP`, `SCTP_COMM_LOST`), and reading it is the stream's end of file.
//! Constants from `<linux/sctp.h>` (libc has none of them for Linux).

use std::io;

use sock::Socket;

/// `SOL_SCTP`: the socket option level of SCTP.
const SOL_SCTP: nix::libc::c_int = 132;
/// `SCTP_EVENT`: subscribe to one notification type.
const SCTP_EVENT: nix::libc::c_int = 127;
/// `SCTP_ASSOC_CHANGE`: the association came up or went down (`SCTP_SN_TYPE_BASE + 1`).
const SCTP_ASSOC_CHANGE: u16 = 0x8001;
/// `MSG_NOTIFICATION`: `msg_flags` of a notification (not data).
pub(crate) const MSG_NOTIFICATION: nix::libc::c_int = 0x8000;
/// `sac_state` values that end the association: `SCTP_COMM_LOST`, `SCTP_SHUTDOWN_COMP`,
/// `SCTP_CANT_STR_ASSOC`.
const ENDED: [u16; 3] = [1, 3, 4];

/// Whether `sock` is an SCTP socket.
pub(crate) fn is_sctp(sock: &Socket) -> bool {
    sock.protocol().0 == nix::libc::IPPROTO_SCTP
}

/// Asks for association change notifications on a connected one-to-one SCTP socket.
pub(crate) fn watch_association(sock: &Socket) -> io::Result<()> {
    // struct sctp_event { sctp_assoc_t se_assoc_id; __u16 se_type; __u8 se_on; } (8 bytes);
    // a one-to-one socket has one association, whatever the id.
    let mut event = [0u8; 8];
    event[4..6].copy_from_slice(&SCTP_ASSOC_CHANGE.to_ne_bytes());
    event[6] = 1;
    sock.setsockopt_bytes(SOL_SCTP, SCTP_EVENT, &event)
}

/// Whether the notification in `msg` says the association ended (`struct sctp_assoc_change`:
/// `sac_type` at 0, `sac_state` at 8).
pub(crate) fn ends_association(msg: &[u8]) -> bool {
    let u16_at = |at: usize| msg.get(at..at + 2).map(|b| u16::from_ne_bytes([b[0], b[1]]));
    u16_at(0) == Some(SCTP_ASSOC_CHANGE) && u16_at(8).is_some_and(|state| ENDED.contains(&state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_assoc_change_states() {
        let change = |state: u16| {
            let mut m = [0u8; 20];
            m[0..2].copy_from_slice(&SCTP_ASSOC_CHANGE.to_ne_bytes());
            m[8..10].copy_from_slice(&state.to_ne_bytes());
            m
        };
        assert!(ends_association(&change(3))); // SHUTDOWN_COMP
        assert!(ends_association(&change(1))); // COMM_LOST
        assert!(!ends_association(&change(0))); // COMM_UP
        assert!(!ends_association(&change(3)[..9])); // cut short
        let mut other = change(3);
        other[0..2].copy_from_slice(&0x8005u16.to_ne_bytes()); // SCTP_SHUTDOWN_EVENT
        assert!(!ends_association(&other));
    }
}
