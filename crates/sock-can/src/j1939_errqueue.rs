//! J1939 transfer reports from the error queue (`SO_J1939_ERRQUEUE`): when a transfer was
//! scheduled, acknowledged (with progress statistics) or aborted.

use crate::consts::*;
use sock_core::cmsg::{Cmsg, CmsgIter, DecodeCmsg};
use sock_core::consts as core_consts;

/// `SO_EE_ORIGIN_LOCAL`: a local error (J1939 aborts).
pub const SO_EE_ORIGIN_LOCAL: u8 = 1;
/// `SO_EE_ORIGIN_TIMESTAMPING`: a transmit timestamp report.
pub const SO_EE_ORIGIN_TIMESTAMPING: u8 = 4;
/// `SCM_TSTAMP_SCHED`: the transfer was scheduled.
pub const SCM_TSTAMP_SCHED: u32 = 1;
/// `SCM_TSTAMP_ACK`: the transfer was acknowledged (completed).
pub const SCM_TSTAMP_ACK: u32 = 2;
/// `SCM_TIMESTAMPING_OPT_STATS`: ancillary type of the statistics attributes.
const SCM_TIMESTAMPING_OPT_STATS: libc::c_int = 54;

/// The `SO_TIMESTAMPING` flags that make the kernel report J1939 transfers (as can-utils'
/// `j1939cat` sets them).
pub const J1939_TX_REPORT_FLAGS: u32 = libc::SOF_TIMESTAMPING_SOFTWARE
    | libc::SOF_TIMESTAMPING_OPT_CMSG
    | libc::SOF_TIMESTAMPING_TX_ACK
    | libc::SOF_TIMESTAMPING_TX_SCHED
    | libc::SOF_TIMESTAMPING_OPT_STATS
    | libc::SOF_TIMESTAMPING_OPT_TSONLY
    | libc::SOF_TIMESTAMPING_OPT_ID;

/// One error queue report of a J1939 socket: [`J1939Socket::recv_report`](crate::J1939Socket::recv_report)
/// returns it (that method has an example).
///
/// A report is two ancillary items: `SCM_J1939_ERRQUEUE` (`struct sock_extended_err`: origin,
/// errno, info, counter), which `cmsg.decode::<J1939Report>()` reads alone (statistics
/// `None`), and `SCM_TIMESTAMPING_OPT_STATS` (the statistics); [`J1939Report::parse`] and
/// [`J1939Report::from_cmsgs`] read both.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::can::{J1939Report, SCM_TSTAMP_ACK, SO_EE_ORIGIN_TIMESTAMPING};
/// use sock::can::consts::{SCM_J1939_ERRQUEUE, SOL_CAN_J1939};
/// let mut serr = [0u8; 16]; // struct sock_extended_err
/// serr[..4].copy_from_slice(&(libc::ENOMSG as u32).to_ne_bytes());
/// serr[4] = SO_EE_ORIGIN_TIMESTAMPING;
/// serr[8..12].copy_from_slice(&SCM_TSTAMP_ACK.to_ne_bytes());
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push(SOL_CAN_J1939, SCM_J1939_ERRQUEUE, &serr)?;
/// let len = w.len();
/// let report = J1939Report::parse(&buf[..len]).unwrap();
/// assert!(report.is_acked() && report.errno == libc::ENOMSG);
/// assert_eq!(CmsgIter::new(&buf[..len]).find_map(|c| c.decode::<J1939Report>()), Some(report));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct J1939Report {
    /// `ee_origin`: [`SO_EE_ORIGIN_TIMESTAMPING`] or [`SO_EE_ORIGIN_LOCAL`].
    pub origin: u8,
    /// `ee_errno`: `ENOMSG` for progress reports, the abort reason otherwise (an errno value,
    /// comparable with `libc::E*`).
    pub errno: i32,
    /// `ee_info`: `SCM_TSTAMP_SCHED`/`SCM_TSTAMP_ACK`, or a `J1939_EE_INFO_*` value.
    pub info: u32,
    /// `ee_data`: the transfer's counter (`SOF_TIMESTAMPING_OPT_ID`).
    pub id: u32,
    /// `J1939_NLA_BYTES_ACKED`: bytes of the transfer acknowledged so far.
    pub bytes_acked: Option<usize>,
    /// `J1939_NLA_TOTAL_SIZE`: the transfer's size in bytes.
    pub total_size: Option<usize>,
    /// `J1939_NLA_PGN`: the transfer's parameter group number.
    pub pgn: Option<u32>,
    /// `J1939_NLA_SRC_ADDR`: the source address.
    pub src_addr: Option<u8>,
    /// `J1939_NLA_DEST_ADDR`: the destination address.
    pub dest_addr: Option<u8>,
}

impl J1939Report {
    /// Whether the transfer was scheduled.
    ///
    /// ```
    /// use sock::can::{J1939Report, SCM_TSTAMP_SCHED, SO_EE_ORIGIN_TIMESTAMPING};
    /// let r = J1939Report { origin: SO_EE_ORIGIN_TIMESTAMPING, info: SCM_TSTAMP_SCHED, ..J1939Report::default() };
    /// assert!(r.is_scheduled() && !r.is_acked());
    /// ```
    pub fn is_scheduled(&self) -> bool {
        self.origin == SO_EE_ORIGIN_TIMESTAMPING && self.info == SCM_TSTAMP_SCHED
    }

    /// Whether the transfer completed (acknowledged).
    ///
    /// ```
    /// use sock::can::{J1939Report, SCM_TSTAMP_ACK, SO_EE_ORIGIN_TIMESTAMPING};
    /// let r = J1939Report { origin: SO_EE_ORIGIN_TIMESTAMPING, info: SCM_TSTAMP_ACK, ..J1939Report::default() };
    /// assert!(r.is_acked() && !r.is_scheduled());
    /// ```
    pub fn is_acked(&self) -> bool {
        self.origin == SO_EE_ORIGIN_TIMESTAMPING && self.info == SCM_TSTAMP_ACK
    }

    /// Whether the transfer was aborted (`errno` says why).
    ///
    /// ```
    /// use sock::can::{consts::J1939_EE_INFO_TX_ABORT, J1939Report, SO_EE_ORIGIN_LOCAL};
    /// let info = J1939_EE_INFO_TX_ABORT as u32;
    /// let r = J1939Report { origin: SO_EE_ORIGIN_LOCAL, info, errno: libc::ETIME, ..J1939Report::default() };
    /// assert!(r.is_aborted() && !r.is_acked()); // errno: the peer timed out
    /// ```
    pub fn is_aborted(&self) -> bool {
        self.origin == SO_EE_ORIGIN_LOCAL && i64::from(self.info) == i64::from(J1939_EE_INFO_TX_ABORT)
    }

    /// Parses the ancillary data of one `MSG_ERRQUEUE` receive; `None` without a
    /// `SCM_J1939_ERRQUEUE` item.
    ///
    /// ```
    /// use sock::cmsg::CmsgWriter;
    /// use sock::can::consts::{J1939_NLA_BYTES_ACKED, SCM_J1939_ERRQUEUE, SOL_CAN_J1939};
    /// use sock::can::J1939Report;
    /// # let mut stats = Vec::new(); // one netlink attribute: u16 length, u16 type, u32 value
    /// # stats.extend_from_slice(&8u16.to_ne_bytes());
    /// # stats.extend_from_slice(&(J1939_NLA_BYTES_ACKED as u16).to_ne_bytes());
    /// # stats.extend_from_slice(&100u32.to_ne_bytes());
    /// let mut buf = [0u8; 128];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push(sock::consts::SOL_SOCKET, 54, &stats)?; // SCM_TIMESTAMPING_OPT_STATS: J1939_NLA_BYTES_ACKED = 100
    /// let stats_only = w.len();
    /// w.push(SOL_CAN_J1939, SCM_J1939_ERRQUEUE, &[0; 16])?; // struct sock_extended_err
    /// let both = w.len();
    /// assert_eq!(J1939Report::parse(&buf[..stats_only]), None); // no SCM_J1939_ERRQUEUE item
    /// assert_eq!(J1939Report::parse(&buf[..both]).unwrap().bytes_acked, Some(100));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn parse(control: &[u8]) -> Option<J1939Report> {
        J1939Report::from_cmsgs(CmsgIter::new(control))
    }

    /// The report in the items of one `MSG_ERRQUEUE` receive, from a [`CmsgIter`] or from the
    /// owned items of `recv_msg_vec` (`msg.cmsgs()`): the `SCM_J1939_ERRQUEUE` item with the
    /// statistics of the `SCM_TIMESTAMPING_OPT_STATS` item; `None` without the first.
    ///
    /// ```
    /// assert_eq!(sock::can::J1939Report::from_cmsgs(sock::cmsg::CmsgIter::new(&[])), None);
    /// ```
    pub fn from_cmsgs<'a>(items: impl IntoIterator<Item = Cmsg<'a>>) -> Option<J1939Report> {
        let mut report = None;
        let mut stats: &[u8] = &[];
        for item in items {
            if item.level == core_consts::SOL_SOCKET && item.ty == SCM_TIMESTAMPING_OPT_STATS {
                stats = item.data;
            } else if let Some(r) = item.decode::<J1939Report>() {
                report = Some(r);
            }
        }
        let mut report = report?;
        for (ty, value) in NlAttrs(stats) {
            let u32v = value.get(..4).map(|b| u32::from_ne_bytes(b.try_into().expect("4 bytes")));
            match ty {
                J1939_NLA_BYTES_ACKED => report.bytes_acked = u32v.map(len),
                J1939_NLA_TOTAL_SIZE => report.total_size = u32v.map(len),
                J1939_NLA_PGN => report.pgn = u32v,
                J1939_NLA_SRC_ADDR => report.src_addr = value.first().copied(),
                J1939_NLA_DEST_ADDR => report.dest_addr = value.first().copied(),
                _ => {}
            }
        }
        Some(report)
    }
}

/// A kernel `u32` length as a `usize` (lossless on every Linux target).
fn len(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

impl<'a> DecodeCmsg<'a> for J1939Report {
    /// The `SCM_J1939_ERRQUEUE` item (`struct sock_extended_err`) alone: origin, errno, info
    /// and counter; the statistics stay `None` (see [`J1939Report::from_cmsgs`]).
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<J1939Report> {
        if item.level != SOL_CAN_J1939 || item.ty != SCM_J1939_ERRQUEUE {
            return None;
        }
        // struct sock_extended_err: u32 errno, u8 origin, type, code, pad, u32 info, u32 data.
        let d = item.data.get(..16)?;
        let u32_at = |at: usize| u32::from_ne_bytes(d[at..at + 4].try_into().expect("4 bytes"));
        Some(J1939Report {
            origin: d[4],
            errno: i32::from_ne_bytes(d[0..4].try_into().expect("4 bytes")),
            info: u32_at(8),
            id: u32_at(12),
            ..J1939Report::default()
        })
    }
}

/// Iterates netlink attributes (`u16 len, u16 type, payload`, 4-aligned), bounds-checked.
struct NlAttrs<'a>(&'a [u8]);

impl<'a> Iterator for NlAttrs<'a> {
    type Item = (libc::c_int, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.0;
        if b.len() < 4 {
            return None;
        }
        let len = usize::from(u16::from_ne_bytes([b[0], b[1]]));
        let ty = libc::c_int::from(u16::from_ne_bytes([b[2], b[3]]) & 0x3fff);
        if len < 4 || len > b.len() {
            self.0 = &[];
            return None;
        }
        self.0 = b.get(len.div_ceil(4) * 4..).unwrap_or(&[]);
        Some((ty, &b[4..len]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sock_core::cmsg::CmsgWriter;

    #[test]
    fn parses_an_ack_with_stats() {
        let mut serr = [0u8; 16];
        serr[..4].copy_from_slice(&(libc::ENOMSG as u32).to_ne_bytes());
        serr[4] = SO_EE_ORIGIN_TIMESTAMPING;
        serr[8..12].copy_from_slice(&SCM_TSTAMP_ACK.to_ne_bytes());
        serr[12..16].copy_from_slice(&7u32.to_ne_bytes());
        let mut stats = Vec::new();
        for (ty, v) in [(J1939_NLA_BYTES_ACKED, 100u32), (J1939_NLA_TOTAL_SIZE, 100), (J1939_NLA_PGN, 0x12300)] {
            stats.extend_from_slice(&8u16.to_ne_bytes());
            stats.extend_from_slice(&(ty as u16).to_ne_bytes());
            stats.extend_from_slice(&v.to_ne_bytes());
        }
        let mut buf = [0u8; 256];
        let mut w = CmsgWriter::new(&mut buf);
        w.push(core_consts::SOL_SOCKET, SCM_TIMESTAMPING_OPT_STATS, &stats).unwrap();
        w.push(SOL_CAN_J1939, SCM_J1939_ERRQUEUE, &serr).unwrap();
        let len = w.len();
        let r = J1939Report::parse(&buf[..len]).unwrap();
        assert!(r.is_acked() && !r.is_aborted());
        assert_eq!((r.id, r.bytes_acked, r.total_size, r.pgn), (7, Some(100), Some(100), Some(0x12300)));
        assert_eq!(J1939Report::parse(&[]), None);
    }

    proptest! {
        #[test]
        fn any_attrs_parse(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let total: usize = NlAttrs(&bytes).map(|(_, v)| v.len()).sum();
            prop_assert!(total <= bytes.len());
        }
    }
}
