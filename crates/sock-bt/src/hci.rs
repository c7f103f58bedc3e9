//! [`HciAddr`]: a `struct sockaddr_hci` — a controller index and a channel.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::text::parse_num;
use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

use crate::addr::{data_of, encode};
use crate::consts::*;

/// An HCI address (`BTPROTO_HCI`): controller index (`hci0` is 0) and channel — CPython's
/// `dev` for the raw channel, `(dev, channel)` otherwise.
///
/// Text form: `hci<dev>` (or `none` for `HCI_DEV_NONE`), followed by `/user`, `/monitor`,
/// `/control`, `/logging` or `/<number>` unless the channel is `HCI_CHANNEL_RAW`.
///
/// ```
/// use sock::bt::{HciAddr, HCI_CHANNEL_USER};
/// assert_eq!(HciAddr::new(0).to_string(), "hci0");
/// assert_eq!("hci1/user".parse::<HciAddr>()?, HciAddr::new(1).with_channel(HCI_CHANNEL_USER));
/// assert_eq!(HciAddr::monitor().to_string(), "none/monitor");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HciAddr {
    /// The controller index (`HCI_DEV_NONE` for none).
    pub dev: u16,
    /// `HCI_CHANNEL_RAW`, `_USER`, `_MONITOR`, `_CONTROL` or `_LOGGING`.
    pub channel: u16,
}

impl HciAddr {
    /// Controller `dev` on the raw channel.
    ///
    /// ```
    /// use sock::bt::{HciAddr, HCI_CHANNEL_RAW};
    /// let a = HciAddr::new(1);
    /// assert_eq!((a.dev, a.channel), (1, HCI_CHANNEL_RAW));
    /// assert_eq!(a.to_string(), "hci1");
    /// ```
    pub const fn new(dev: u16) -> HciAddr {
        HciAddr { dev, channel: HCI_CHANNEL_RAW }
    }

    /// The monitor channel (every controller's traffic; needs `CAP_NET_RAW`).
    ///
    /// ```
    /// use sock::bt::{HciAddr, HCI_CHANNEL_MONITOR, HCI_DEV_NONE};
    /// assert_eq!(HciAddr::monitor(), HciAddr::new(HCI_DEV_NONE).with_channel(HCI_CHANNEL_MONITOR));
    /// assert_eq!("none/monitor".parse::<HciAddr>()?, HciAddr::monitor());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn monitor() -> HciAddr {
        HciAddr { dev: HCI_DEV_NONE, channel: HCI_CHANNEL_MONITOR }
    }

    /// This address on another channel.
    ///
    /// ```
    /// use sock::bt::{HciAddr, HCI_CHANNEL_USER};
    /// let user = HciAddr::new(0).with_channel(HCI_CHANNEL_USER); // exclusive access to hci0
    /// assert_eq!(user.to_string(), "hci0/user");
    /// ```
    pub const fn with_channel(self, channel: u16) -> HciAddr {
        HciAddr { channel, ..self }
    }
}

impl From<HciAddr> for SockAddr {
    fn from(a: HciAddr) -> SockAddr {
        let mut d = [0u8; 4];
        d[..2].copy_from_slice(&a.dev.to_ne_bytes());
        d[2..].copy_from_slice(&a.channel.to_ne_bytes());
        encode(&d)
    }
}

impl FamilyAddr for HciAddr {
    const FAMILY: Family = Family::BLUETOOTH;
    const TEXT_FORM: &'static str = "hci<dev>[/user|monitor|control|logging|channel] or none[/…]";

    /// Decodes a `sockaddr_hci`; another family or fewer than 4 bytes after the family is
    /// `InvalidInput`.
    fn decode(addr: &SockAddr) -> io::Result<HciAddr> {
        let d = data_of::<HciAddr>(addr, 4, "sockaddr_hci")?;
        Ok(HciAddr { dev: u16::from_ne_bytes([d[0], d[1]]), channel: u16::from_ne_bytes([d[2], d[3]]) })
    }

    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(HciAddr);

const CHANNELS: [(u16, &str); 4] = [
    (HCI_CHANNEL_USER, "user"),
    (HCI_CHANNEL_MONITOR, "monitor"),
    (HCI_CHANNEL_CONTROL, "control"),
    (HCI_CHANNEL_LOGGING, "logging"),
];

impl fmt::Display for HciAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.dev {
            HCI_DEV_NONE => f.write_str("none")?,
            dev => write!(f, "hci{dev}")?,
        }
        if self.channel == HCI_CHANNEL_RAW {
            return Ok(());
        }
        match CHANNELS.iter().find(|(c, _)| *c == self.channel) {
            Some((_, name)) => write!(f, "/{name}"),
            None => write!(f, "/{}", self.channel),
        }
    }
}

impl FromStr for HciAddr {
    type Err = io::Error;

    /// Parses `hci<dev>[/channel]` or `none[/channel]`, channel being `raw`, `user`,
    /// `monitor`, `control`, `logging` or a number.
    fn from_str(s: &str) -> io::Result<HciAddr> {
        let (dev, channel) = match s.split_once('/') {
            Some((dev, channel)) => (dev, Some(channel)),
            None => (s, None),
        };
        let dev = match dev {
            "none" => HCI_DEV_NONE,
            _ => parse_num(
                dev.strip_prefix("hci").ok_or_else(|| invalid_input("dev", "expected hci<N> or none"))?,
                "dev",
            )?,
        };
        let channel = match channel {
            None | Some("raw") => HCI_CHANNEL_RAW,
            Some(name) => match CHANNELS.iter().find(|(_, n)| *n == name) {
                Some((c, _)) => *c,
                None => parse_num(name, "channel")?,
            },
        };
        Ok(HciAddr { dev, channel })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_and_text() {
        let raw = SockAddr::from(HciAddr::new(3).with_channel(HCI_CHANNEL_USER));
        assert_eq!(raw.len(), 6, "sizeof(struct sockaddr_hci)");
        assert_eq!(HciAddr::decode(&raw).unwrap(), HciAddr { dev: 3, channel: 1 });
        assert_eq!("hci0/raw".parse::<HciAddr>().unwrap(), HciAddr::new(0));
        assert_eq!(HciAddr::new(2).with_channel(9).to_string(), "hci2/9");
        for bad in ["", "0", "hci", "hcix", "hci65536", "hci0/", "hci0/bogus", "nothing"] {
            assert_eq!(bad.parse::<HciAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn round_trips(dev in any::<u16>(), channel in any::<u16>()) {
            let a = HciAddr { dev, channel };
            prop_assert_eq!(HciAddr::decode(&a.encode().unwrap()).unwrap(), a);
            prop_assert_eq!(a.to_string().parse::<HciAddr>().unwrap(), a);
        }
    }
}
