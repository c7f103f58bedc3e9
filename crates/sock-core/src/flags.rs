//! [`MsgFlags`]: the `MSG_*` flags of `send`/`recv` and of `msghdr.msg_flags`, typed.

use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign, Not};

use libc::c_int;

use crate::consts;

/// The `MSG_*` flags of one `send`/`recv` call, or the `msg_flags` a `recvmsg` returned.
///
/// The common calls take none (`recv(buf)`); the `_with_flags` variants take anything that
/// converts into `MsgFlags`: the typed constants (`MsgFlags::PEEK | MsgFlags::DONTWAIT`) or
/// CPython's integer constants (`sock::consts::MSG_PEEK`) as they are.
///
/// ```
/// use sock::{Family, MsgFlags, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// a.send(b"hello")?;
/// let mut buf = [0u8; 5];
/// // Peek first (the data stays queued), then read it for real.
/// assert_eq!(b.recv_with_flags(&mut buf, MsgFlags::PEEK)?, 5);
/// assert_eq!(b.recv_with_flags(&mut buf, sock::consts::MSG_DONTWAIT)?, 5);
/// assert_eq!(&buf, b"hello");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MsgFlags(c_int);

macro_rules! flags {
    ($($(#[$doc:meta])* $name:ident = $value:ident,)*) => {
        impl MsgFlags {
            $($(#[$doc])* pub const $name: MsgFlags = MsgFlags(consts::$value);)*
        }

        /// The names of the known flags, in bit order, for `Debug`.
        const NAMES: &[(&str, c_int)] = &[$((stringify!($name), consts::$value)),*];
    };
}

flags! {
    /// `MSG_OOB`: send or receive out-of-band data (TCP urgent data).
    OOB = MSG_OOB,
    /// `MSG_PEEK`: receive without removing the data from the queue.
    PEEK = MSG_PEEK,
    /// `MSG_DONTROUTE`: send only to directly connected hosts.
    DONTROUTE = MSG_DONTROUTE,
    /// `MSG_CTRUNC` (returned): some ancillary data did not fit the control buffer.
    CTRUNC = MSG_CTRUNC,
    /// `MSG_TRUNC`: on receive, return the real datagram length; returned when a datagram
    /// was longer than the buffer.
    TRUNC = MSG_TRUNC,
    /// `MSG_DONTWAIT`: this one call never blocks, whatever the socket's mode.
    DONTWAIT = MSG_DONTWAIT,
    /// `MSG_EOR`: end of record (SOCK_SEQPACKET); returned at a record's end.
    EOR = MSG_EOR,
    /// `MSG_WAITALL`: a stream receive waits until the whole buffer is filled.
    WAITALL = MSG_WAITALL,
    /// `MSG_CONFIRM`: tell the link layer that the neighbour answered (no ARP probe).
    CONFIRM = MSG_CONFIRM,
    /// `MSG_ERRQUEUE`: receive from the socket's error queue.
    ERRQUEUE = MSG_ERRQUEUE,
    /// `MSG_NOSIGNAL`: no `SIGPIPE` on a broken stream (the error is `EPIPE` only).
    NOSIGNAL = MSG_NOSIGNAL,
    /// `MSG_MORE`: more data follows (TCP/UDP cork for one call).
    MORE = MSG_MORE,
    /// `MSG_CMSG_CLOEXEC`: received fds are close-on-exec (added by this library on AF_UNIX).
    CMSG_CLOEXEC = MSG_CMSG_CLOEXEC,
    /// `MSG_FASTOPEN`: TCP Fast Open: send data with the SYN (on `sendto`).
    FASTOPEN = MSG_FASTOPEN,
    /// `MSG_ZEROCOPY`: send without copying (needs `SO_ZEROCOPY`).
    ZEROCOPY = MSG_ZEROCOPY,
}

impl MsgFlags {
    /// No flag: what the common calls (`recv`, `send`...) pass.
    pub const NONE: MsgFlags = MsgFlags(0);

    /// Flags from their raw `c_int` (unknown bits are kept: the kernel decides).
    ///
    /// ```
    /// use sock::MsgFlags;
    /// let f = MsgFlags::from_bits(sock::consts::MSG_PEEK | sock::consts::MSG_DONTWAIT);
    /// assert_eq!(f, MsgFlags::PEEK | MsgFlags::DONTWAIT);
    /// assert_eq!(format!("{:?}", MsgFlags::from_bits(0x1000_0000)), "MsgFlags(0x10000000)"); // kept
    /// ```
    pub const fn from_bits(bits: c_int) -> MsgFlags {
        MsgFlags(bits)
    }

    /// The raw value passed to the kernel.
    ///
    /// ```
    /// use sock::MsgFlags;
    /// assert_eq!((MsgFlags::PEEK | MsgFlags::TRUNC).bits(), libc::MSG_PEEK | libc::MSG_TRUNC);
    /// assert_eq!(MsgFlags::NONE.bits(), 0);
    /// ```
    pub const fn bits(self) -> c_int {
        self.0
    }

    /// Whether every flag of `other` is set here.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"longer than four")?;
    /// let msg = b.recv_msg(&mut [std::io::IoSliceMut::new(&mut [0u8; 4])], &mut [], 0)?;
    /// assert!(msg.flags.contains(MsgFlags::TRUNC));
    /// assert!(!msg.flags.contains(MsgFlags::TRUNC | MsgFlags::CTRUNC));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn contains(self, other: MsgFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether no flag is set.
    ///
    /// ```
    /// use sock::MsgFlags;
    /// assert!(MsgFlags::NONE.is_empty() && MsgFlags::default().is_empty());
    /// assert!(!MsgFlags::PEEK.is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// These flags and `other`.
    ///
    /// ```
    /// use sock::MsgFlags;
    /// // The `const` form of `|`, for constants:
    /// const PEEK_NOW: MsgFlags = MsgFlags::PEEK.union(MsgFlags::DONTWAIT);
    /// assert_eq!(PEEK_NOW, MsgFlags::PEEK | MsgFlags::DONTWAIT);
    /// ```
    pub const fn union(self, other: MsgFlags) -> MsgFlags {
        MsgFlags(self.0 | other.0)
    }

    /// These flags without `other`.
    ///
    /// ```
    /// use sock::MsgFlags;
    /// let f = MsgFlags::PEEK | MsgFlags::DONTWAIT;
    /// assert_eq!(f.difference(MsgFlags::DONTWAIT), MsgFlags::PEEK);
    /// assert_eq!(f.difference(MsgFlags::TRUNC), f);
    /// ```
    pub const fn difference(self, other: MsgFlags) -> MsgFlags {
        MsgFlags(self.0 & !other.0)
    }
}

impl From<c_int> for MsgFlags {
    fn from(bits: c_int) -> MsgFlags {
        MsgFlags(bits)
    }
}

impl From<MsgFlags> for c_int {
    fn from(flags: MsgFlags) -> c_int {
        flags.0
    }
}

impl BitOr for MsgFlags {
    type Output = MsgFlags;
    fn bitor(self, rhs: MsgFlags) -> MsgFlags {
        MsgFlags(self.0 | rhs.0)
    }
}

impl BitOrAssign for MsgFlags {
    fn bitor_assign(&mut self, rhs: MsgFlags) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for MsgFlags {
    type Output = MsgFlags;
    fn bitand(self, rhs: MsgFlags) -> MsgFlags {
        MsgFlags(self.0 & rhs.0)
    }
}

impl Not for MsgFlags {
    type Output = MsgFlags;
    fn not(self) -> MsgFlags {
        MsgFlags(!self.0)
    }
}

/// `MsgFlags(PEEK | DONTWAIT)`; unknown bits print as hex.
impl fmt::Debug for MsgFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MsgFlags(")?;
        let mut rest = self.0;
        let mut first = true;
        for (name, bit) in NAMES {
            if rest & bit != 0 {
                f.write_str(if first { "" } else { " | " })?;
                f.write_str(name)?;
                rest &= !bit;
                first = false;
            }
        }
        if rest != 0 || first {
            write!(f, "{}{rest:#x}", if first { "" } else { " | " })?;
        }
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_names_the_flags() {
        assert_eq!(format!("{:?}", MsgFlags::PEEK | MsgFlags::DONTWAIT), "MsgFlags(PEEK | DONTWAIT)");
        assert_eq!(format!("{:?}", MsgFlags::NONE), "MsgFlags(0x0)");
        assert_eq!(format!("{:?}", MsgFlags::from_bits(0x1000_0000 | libc::MSG_PEEK)), "MsgFlags(PEEK | 0x10000000)");
    }

    #[test]
    fn bits_and_python_constants_agree() {
        assert_eq!(MsgFlags::from(consts::MSG_PEEK), MsgFlags::PEEK);
        assert!((MsgFlags::PEEK | MsgFlags::TRUNC).contains(MsgFlags::TRUNC));
        assert!(!MsgFlags::PEEK.contains(MsgFlags::TRUNC));
        assert_eq!((MsgFlags::PEEK | MsgFlags::TRUNC).difference(MsgFlags::PEEK), MsgFlags::TRUNC);
        assert_eq!(c_int::from(MsgFlags::WAITALL), libc::MSG_WAITALL);
    }
}
