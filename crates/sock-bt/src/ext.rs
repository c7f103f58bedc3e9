//! [`HciSocketExt`]: the `SOL_HCI` options of [`Socket`], sealed like every family's
//! extension trait.

use std::io;

use sock_core::Socket;

use crate::consts::*;
use crate::filter::FILTER;
use crate::HciFilter;

pub(crate) mod sealed {
    /// Only `sock_core::Socket` implements the Bluetooth extension traits.
    pub trait Sealed {}
    impl Sealed for sock_core::Socket {}
}

/// `SOL_HCI` options of a raw HCI [`Socket`] (sealed: implemented for `Socket` only).
///
/// ```no_run
/// use sock::{Family, Socket, Type};
/// use sock::bt::{protocol, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
/// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
/// s.bind(HciAddr::new(0))?;
/// let mut f = HciFilter::new();
/// f.set_ptype(HCI_EVENT_PKT);
/// s.set_hci_filter(&f)?;
/// s.set_hci_data_dir(true)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait HciSocketExt: sealed::Sealed {
    /// `HCI_FILTER`: the current filter.
    fn hci_filter(&self) -> io::Result<HciFilter>;
    /// Sets `HCI_FILTER` (unprivileged sockets may only narrow the kernel's safe filter).
    fn set_hci_filter(&self, filter: &HciFilter) -> io::Result<()>;
    /// `HCI_DATA_DIR`: attach an [`HciAncillary::Incoming`](crate::HciAncillary::Incoming) item to every packet received.
    fn set_hci_data_dir(&self, on: bool) -> io::Result<()>;
    /// `HCI_TIME_STAMP`: attach an [`HciAncillary::Timestamp`](crate::HciAncillary::Timestamp) item to every packet received.
    fn set_hci_time_stamp(&self, on: bool) -> io::Result<()>;
}

impl HciSocketExt for Socket {
    fn hci_filter(&self) -> io::Result<HciFilter> {
        self.get(FILTER)
    }

    fn set_hci_filter(&self, filter: &HciFilter) -> io::Result<()> {
        self.set(FILTER, filter)
    }

    fn set_hci_data_dir(&self, on: bool) -> io::Result<()> {
        self.set_flag(SOL_HCI, HCI_DATA_DIR, on)
    }

    fn set_hci_time_stamp(&self, on: bool) -> io::Result<()> {
        self.set_flag(SOL_HCI, HCI_TIME_STAMP, on)
    }
}
