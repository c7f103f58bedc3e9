//! The TIPC topology service (`TIPC_TOP_SRV`): connect a `SOCK_SEQPACKET` socket to
//! `{TIPC_TOP_SRV, TIPC_TOP_SRV}`, send [`Subscription`]s, receive [`Event`]s as services
//! appear and disappear.
//!
//! Both structs travel in host byte order (the kernel answers in the order it was asked in).

use std::io;

use sock_core::invalid_input;

use crate::addr::{TipcAddr, TipcName};
use crate::consts::*;

/// `struct tipc_subscr`: watch a service range.
///
/// ```
/// use sock::tipc::{Subscription, TIPC_SUB_PORTS};
/// let sub = Subscription::new(2000, 0, u32::MAX, TIPC_SUB_PORTS);
/// assert_eq!(sub.to_bytes().len(), Subscription::SIZE);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Subscription {
    /// The service type watched.
    pub service: u32,
    /// The first instance watched.
    pub lower: u32,
    /// The last instance watched.
    pub upper: u32,
    /// Lifetime in milliseconds (`TIPC_WAIT_FOREVER as u32` for ever).
    pub timeout: u32,
    /// `TIPC_SUB_PORTS`, `TIPC_SUB_SERVICE`, `TIPC_SUB_CANCEL`.
    pub filter: u32,
    /// Opaque bytes returned in every event of this subscription.
    pub handle: [u8; 8],
}

impl Subscription {
    /// The size of `struct tipc_subscr`.
    pub const SIZE: usize = 28;

    /// A permanent subscription to `service` instances `lower..=upper`.
    ///
    /// ```
    /// use sock::tipc::{Subscription, TIPC_SUB_SERVICE, TIPC_WAIT_FOREVER};
    /// let sub = Subscription::new(2000, 0, 99, TIPC_SUB_SERVICE);
    /// assert_eq!((sub.timeout, sub.handle), (TIPC_WAIT_FOREVER as u32, [0; 8]));
    /// ```
    pub const fn new(service: u32, lower: u32, upper: u32, filter: u32) -> Subscription {
        Subscription { service, lower, upper, timeout: TIPC_WAIT_FOREVER as u32, filter, handle: [0; 8] }
    }

    /// The bytes to send to the topology service.
    ///
    /// ```
    /// use sock::tipc::{Subscription, TIPC_SUB_PORTS};
    /// let bytes = Subscription::new(2000, 0, 99, TIPC_SUB_PORTS).to_bytes();
    /// assert_eq!(&bytes[..4], &2000u32.to_ne_bytes()); // seq.type first, host byte order
    /// ```
    pub fn to_bytes(&self) -> [u8; Self::SIZE] {
        let mut out = [0u8; Self::SIZE];
        for (i, w) in [self.service, self.lower, self.upper, self.timeout, self.filter].iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_ne_bytes());
        }
        out[20..].copy_from_slice(&self.handle);
        out
    }

    /// Parses a `struct tipc_subscr`; `InvalidInput` if `bytes` is shorter.
    ///
    /// ```
    /// use sock::tipc::{Subscription, TIPC_SUB_PORTS};
    /// let sub = Subscription { handle: *b"my-sub-1", ..Subscription::new(2000, 0, 99, TIPC_SUB_PORTS) };
    /// assert_eq!(Subscription::from_bytes(&sub.to_bytes())?, sub);
    /// assert!(Subscription::from_bytes(&[0; 27]).is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Subscription> {
        let b: &[u8; Self::SIZE] = bytes
            .get(..Self::SIZE)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| invalid_input("bytes", "shorter than struct tipc_subscr"))?;
        let mut handle = [0u8; 8];
        handle.copy_from_slice(&b[20..]);
        Ok(Subscription {
            service: word(b, 0),
            lower: word(b, 1),
            upper: word(b, 2),
            timeout: word(b, 3),
            filter: word(b, 4),
            handle,
        })
    }
}

/// `struct tipc_event`: a change seen by a [`Subscription`].
///
/// ```
/// use sock::tipc::{Event, Subscription, TipcAddr, TIPC_PUBLISHED, TIPC_SUB_PORTS};
/// // A struct tipc_event as the topology service sends it (host byte order).
/// let sub = Subscription::new(2000, 0, 99, TIPC_SUB_PORTS);
/// let mut bytes = Vec::new();
/// for w in [TIPC_PUBLISHED, 5, 5, 3000, 4711] { bytes.extend(w.to_ne_bytes()); } // event, found, port, node
/// bytes.extend(sub.to_bytes());
/// let ev = Event::from_bytes(&bytes)?;
/// assert_eq!((ev.event, ev.found_lower, ev.socket), (TIPC_PUBLISHED, 5, TipcAddr::socket(4711, 3000)));
/// assert_eq!(ev.subscription, sub);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    /// `TIPC_PUBLISHED`, `TIPC_WITHDRAWN` or `TIPC_SUBSCR_TIMEOUT`.
    pub event: u32,
    /// The first instance of the matching binding.
    pub found_lower: u32,
    /// The last instance of the matching binding.
    pub found_upper: u32,
    /// The socket that bound it (a [`TipcName::Socket`] address).
    pub socket: TipcAddr,
    /// The subscription this event belongs to.
    pub subscription: Subscription,
}

impl Event {
    /// The size of `struct tipc_event`.
    pub const SIZE: usize = 20 + Subscription::SIZE;

    /// Parses a `struct tipc_event`; `InvalidInput` if `bytes` is shorter.
    ///
    /// ```
    /// use sock::tipc::{Event, Subscription, TipcAddr, TIPC_PUBLISHED, TIPC_SUB_PORTS};
    /// // A struct tipc_event as the topology service sends it (host byte order).
    /// let sub = Subscription::new(2000, 0, 99, TIPC_SUB_PORTS);
    /// let mut bytes = Vec::new();
    /// for w in [TIPC_PUBLISHED, 5, 5, 3000, 4711] { bytes.extend(w.to_ne_bytes()); } // event, found, port, node
    /// bytes.extend(sub.to_bytes());
    /// let ev = Event::from_bytes(&bytes)?;
    /// assert_eq!(ev.found_upper, 5);
    /// assert!(Event::from_bytes(&bytes[..Event::SIZE - 1]).is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Event> {
        if bytes.len() < Self::SIZE {
            return Err(invalid_input("bytes", "shorter than struct tipc_event"));
        }
        Ok(Event {
            event: word(bytes, 0),
            found_lower: word(bytes, 1),
            found_upper: word(bytes, 2),
            socket: TipcAddr::socket(word(bytes, 4), word(bytes, 3)),
            subscription: Subscription::from_bytes(&bytes[20..])?,
        })
    }

    /// The socket id as a [`TipcName`].
    ///
    /// ```
    /// use sock::tipc::{Event, Subscription, TipcName, TIPC_PUBLISHED, TIPC_SUB_PORTS};
    /// // A struct tipc_event as the topology service sends it (host byte order).
    /// let sub = Subscription::new(2000, 0, 99, TIPC_SUB_PORTS);
    /// let mut bytes = Vec::new();
    /// for w in [TIPC_PUBLISHED, 5, 5, 3000, 4711] { bytes.extend(w.to_ne_bytes()); } // event, found, port, node
    /// bytes.extend(sub.to_bytes());
    /// let ev = Event::from_bytes(&bytes)?;
    /// assert_eq!(ev.socket_name(), TipcName::Socket { node: 4711, port: 3000 });
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn socket_name(&self) -> TipcName {
        self.socket.name
    }
}

/// The `i`-th native-endian `u32` of `b` (the caller checked the length).
fn word(b: &[u8], i: usize) -> u32 {
    u32::from_ne_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_parse_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=64)) {
            let _ = Event::from_bytes(&bytes);
            let _ = Subscription::from_bytes(&bytes);
        }

        #[test]
        fn subscription_round_trips(w in any::<[u32; 5]>(), handle in any::<[u8; 8]>()) {
            let sub = Subscription { service: w[0], lower: w[1], upper: w[2], timeout: w[3], filter: w[4], handle };
            prop_assert_eq!(Subscription::from_bytes(&sub.to_bytes()).unwrap(), sub);
        }
    }

    #[test]
    fn event_layout() {
        let mut b = [0u8; Event::SIZE];
        b[..4].copy_from_slice(&TIPC_PUBLISHED.to_ne_bytes());
        b[12..16].copy_from_slice(&7u32.to_ne_bytes()); // ref
        b[16..20].copy_from_slice(&9u32.to_ne_bytes()); // node
        let e = Event::from_bytes(&b).unwrap();
        assert_eq!(e.socket_name(), TipcName::Socket { node: 9, port: 7 });
        assert_eq!(Event::from_bytes(&b[..47]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }
}
