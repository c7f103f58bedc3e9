//! [`ErrorFrame`]: the error reports a CAN controller driver delivers as classic frames with
//! `CAN_ERR_FLAG`, decoded into their classes and details (linux/can/error.h). Subscribe to
//! them with [`CanSocket::set_error_mask`](crate::CanSocket::set_error_mask).

use std::fmt;

use crate::consts::*;
use crate::frame::ClassicFrame;

/// One class of error (a bit of the error frame's identifier).
///
/// ```
/// use sock::can::{consts::{CAN_ERR_ACK, CAN_ERR_BUSOFF}, ErrorClass, ErrorFrame};
/// let f = ErrorFrame::new(CAN_ERR_ACK | CAN_ERR_BUSOFF, [0; 8]);
/// assert_eq!(f.classes().collect::<Vec<_>>(), [ErrorClass::NoAck, ErrorClass::BusOff]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    /// `CAN_ERR_TX_TIMEOUT`: TX timeout.
    TxTimeout,
    /// `CAN_ERR_LOSTARB`: lost arbitration.
    LostArbitration,
    /// `CAN_ERR_CRTL`: controller problem.
    Controller,
    /// `CAN_ERR_PROT`: protocol violation.
    Protocol,
    /// `CAN_ERR_TRX`: transceiver status.
    Transceiver,
    /// `CAN_ERR_ACK`: no acknowledgement.
    NoAck,
    /// `CAN_ERR_BUSOFF`: bus off.
    BusOff,
    /// `CAN_ERR_BUSERROR`: bus error.
    BusError,
    /// `CAN_ERR_RESTARTED`: controller restarted.
    Restarted,
    /// `CAN_ERR_CNT`: error counters present.
    Counters,
}

impl ErrorClass {
    /// Every class, in bit order.
    pub const ALL: [ErrorClass; 10] = [
        ErrorClass::TxTimeout,
        ErrorClass::LostArbitration,
        ErrorClass::Controller,
        ErrorClass::Protocol,
        ErrorClass::Transceiver,
        ErrorClass::NoAck,
        ErrorClass::BusOff,
        ErrorClass::BusError,
        ErrorClass::Restarted,
        ErrorClass::Counters,
    ];

    /// The class's bit (`CAN_ERR_*`).
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_BUSOFF, ErrorClass};
    /// assert_eq!(ErrorClass::BusOff.bit(), CAN_ERR_BUSOFF);
    /// ```
    pub fn bit(self) -> u32 {
        match self {
            ErrorClass::TxTimeout => CAN_ERR_TX_TIMEOUT,
            ErrorClass::LostArbitration => CAN_ERR_LOSTARB,
            ErrorClass::Controller => CAN_ERR_CRTL,
            ErrorClass::Protocol => CAN_ERR_PROT,
            ErrorClass::Transceiver => CAN_ERR_TRX,
            ErrorClass::NoAck => CAN_ERR_ACK,
            ErrorClass::BusOff => CAN_ERR_BUSOFF,
            ErrorClass::BusError => CAN_ERR_BUSERROR,
            ErrorClass::Restarted => CAN_ERR_RESTARTED,
            ErrorClass::Counters => CAN_ERR_CNT,
        }
    }
}

/// An error frame: classes in the identifier, details in the 8 data bytes.
///
/// ```
/// use sock::can::{ErrorClass, ErrorFrame};
/// use sock::can::consts::{CAN_ERR_CRTL, CAN_ERR_CRTL_RX_PASSIVE};
/// let f = ErrorFrame::new(CAN_ERR_CRTL, [0, CAN_ERR_CRTL_RX_PASSIVE, 0, 0, 0, 0, 0, 0]);
/// assert_eq!(f.classes().collect::<Vec<_>>(), [ErrorClass::Controller]);
/// assert_eq!(f.controller(), CAN_ERR_CRTL_RX_PASSIVE);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorFrame(ClassicFrame);

impl ErrorFrame {
    /// An error frame with class bits `classes` (masked to `CAN_ERR_MASK`) and details `data`.
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_BUSOFF, ErrorClass, ErrorFrame};
    /// let f = ErrorFrame::new(CAN_ERR_BUSOFF, [0; 8]);
    /// assert!(f.has(ErrorClass::BusOff));
    /// assert_eq!(f.to_string(), "20000040#0000000000000000"); // CAN_ERR_FLAG | CAN_ERR_BUSOFF
    /// ```
    pub fn new(classes: u32, data: [u8; 8]) -> ErrorFrame {
        let f = ClassicFrame::from_raw_parts(CAN_ERR_FLAG | (classes & CAN_ERR_MASK), &data).expect("8 bytes fit");
        ErrorFrame(f)
    }

    /// Wraps a classic frame that carries `CAN_ERR_FLAG` (its meaningless `CAN_EFF_FLAG`,
    /// `CAN_RTR_FLAG` and raw DLC are dropped, so the frame equals its text form's).
    pub(crate) fn from_classic(f: ClassicFrame) -> ErrorFrame {
        ErrorFrame(f.canonical())
    }

    /// The underlying `struct can_frame`.
    ///
    /// ```
    /// use sock::can::{consts::{CAN_ERR_BUSOFF, CAN_ERR_FLAG}, ErrorFrame};
    /// let f = ErrorFrame::new(CAN_ERR_BUSOFF, [0; 8]);
    /// assert_eq!(f.as_classic().raw_id(), CAN_ERR_FLAG | CAN_ERR_BUSOFF);
    /// assert_eq!(f.as_classic().as_bytes().len(), 16);
    /// ```
    pub fn as_classic(&self) -> &ClassicFrame {
        &self.0
    }

    /// The class bits (`CAN_ERR_*` of the identifier).
    ///
    /// ```
    /// use sock::can::{consts::{CAN_ERR_ACK, CAN_ERR_CRTL}, ErrorFrame};
    /// assert_eq!(ErrorFrame::new(CAN_ERR_ACK | CAN_ERR_CRTL, [0; 8]).class_bits(), CAN_ERR_ACK | CAN_ERR_CRTL);
    /// ```
    pub fn class_bits(&self) -> u32 {
        self.0.raw_id() & CAN_ERR_MASK
    }

    /// The classes present.
    ///
    /// ```
    /// use sock::can::{consts::{CAN_ERR_CRTL, CAN_ERR_PROT}, ErrorClass, ErrorFrame};
    /// let f = ErrorFrame::new(CAN_ERR_PROT | CAN_ERR_CRTL, [0; 8]);
    /// assert_eq!(f.classes().collect::<Vec<_>>(), [ErrorClass::Controller, ErrorClass::Protocol]); // bit order
    /// ```
    pub fn classes(&self) -> impl Iterator<Item = ErrorClass> + '_ {
        let bits = self.class_bits();
        ErrorClass::ALL.into_iter().filter(move |c| bits & c.bit() != 0)
    }

    /// Whether class `c` is present.
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_ACK, ErrorClass, ErrorFrame};
    /// let f = ErrorFrame::new(CAN_ERR_ACK, [0; 8]);
    /// assert!(f.has(ErrorClass::NoAck) && !f.has(ErrorClass::BusOff));
    /// ```
    pub fn has(&self, c: ErrorClass) -> bool {
        self.class_bits() & c.bit() != 0
    }

    /// The detail bytes.
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_CNT, ErrorFrame};
    /// assert_eq!(ErrorFrame::new(CAN_ERR_CNT, [0, 0, 0, 0, 0, 0, 96, 128]).data(), [0, 0, 0, 0, 0, 0, 96, 128]);
    /// ```
    pub fn data(&self) -> &[u8] {
        self.0.data()
    }

    fn byte(&self, i: usize) -> u8 {
        self.data().get(i).copied().unwrap_or(0)
    }

    /// With [`ErrorClass::LostArbitration`]: the bit where arbitration was lost (0: unknown).
    ///
    /// ```
    /// use sock::can::{consts::{CAN_ERR_ACK, CAN_ERR_LOSTARB}, ErrorFrame};
    /// assert_eq!(ErrorFrame::new(CAN_ERR_LOSTARB, [5, 0, 0, 0, 0, 0, 0, 0]).lost_arbitration_bit(), Some(5));
    /// assert_eq!(ErrorFrame::new(CAN_ERR_ACK, [5, 0, 0, 0, 0, 0, 0, 0]).lost_arbitration_bit(), None);
    /// ```
    pub fn lost_arbitration_bit(&self) -> Option<u8> {
        self.has(ErrorClass::LostArbitration).then(|| self.byte(0))
    }

    /// `data[1]`: the `CAN_ERR_CRTL_*` controller status bits.
    ///
    /// ```
    /// use sock::can::consts::{CAN_ERR_CRTL, CAN_ERR_CRTL_TX_WARNING};
    /// use sock::can::ErrorFrame;
    /// let f = ErrorFrame::new(CAN_ERR_CRTL, [0, CAN_ERR_CRTL_TX_WARNING, 0, 0, 0, 0, 0, 0]);
    /// assert_eq!(f.controller() & CAN_ERR_CRTL_TX_WARNING, CAN_ERR_CRTL_TX_WARNING);
    /// ```
    pub fn controller(&self) -> u8 {
        self.byte(1)
    }

    /// `data[2]`: the `CAN_ERR_PROT_*` protocol error type bits.
    ///
    /// ```
    /// use sock::can::consts::{CAN_ERR_PROT, CAN_ERR_PROT_FORM};
    /// use sock::can::ErrorFrame;
    /// let f = ErrorFrame::new(CAN_ERR_PROT, [0, 0, CAN_ERR_PROT_FORM, 0, 0, 0, 0, 0]);
    /// assert_eq!(f.protocol_type(), CAN_ERR_PROT_FORM);
    /// ```
    pub fn protocol_type(&self) -> u8 {
        self.byte(2)
    }

    /// `data[3]`: the `CAN_ERR_PROT_LOC_*` location of a protocol error.
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_PROT, ErrorFrame};
    /// let f = ErrorFrame::new(CAN_ERR_PROT, [0, 0, 0, 0x08, 0, 0, 0, 0]); // 0x08: CAN_ERR_PROT_LOC_CRC_SEQ
    /// assert_eq!(f.protocol_location(), 0x08);
    /// ```
    pub fn protocol_location(&self) -> u8 {
        self.byte(3)
    }

    /// `data[4]`: the `CAN_ERR_TRX_*` transceiver status.
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_TRX, ErrorFrame};
    /// let f = ErrorFrame::new(CAN_ERR_TRX, [0, 0, 0, 0, 0x04, 0, 0, 0]); // 0x04: CAN_ERR_TRX_CANH_NO_WIRE
    /// assert_eq!(f.transceiver(), 0x04);
    /// ```
    pub fn transceiver(&self) -> u8 {
        self.byte(4)
    }

    /// With [`ErrorClass::Counters`]: the (TX, RX) error counters of `data[6]`, `data[7]`.
    ///
    /// ```
    /// use sock::can::{consts::{CAN_ERR_ACK, CAN_ERR_CNT}, ErrorFrame};
    /// let data = [0, 0, 0, 0, 0, 0, 96, 128];
    /// assert_eq!(ErrorFrame::new(CAN_ERR_CNT, data).counters(), Some((96, 128))); // (TX, RX)
    /// assert_eq!(ErrorFrame::new(CAN_ERR_ACK, data).counters(), None); // no CAN_ERR_CNT
    /// ```
    pub fn counters(&self) -> Option<(u8, u8)> {
        self.has(ErrorClass::Counters).then(|| (self.byte(6), self.byte(7)))
    }
}

impl fmt::Display for ErrorFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for ErrorFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let classes: Vec<ErrorClass> = self.classes().collect();
        write!(f, "ErrorFrame({classes:?}, {:02x?})", self.data())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_classes_and_details() {
        let f = ErrorFrame::new(CAN_ERR_LOSTARB | CAN_ERR_CNT | CAN_ERR_BUSOFF, [5, 0, 0, 0, 0, 0, 96, 128]);
        assert_eq!(
            f.classes().collect::<Vec<_>>(),
            [ErrorClass::LostArbitration, ErrorClass::BusOff, ErrorClass::Counters]
        );
        assert_eq!(f.lost_arbitration_bit(), Some(5));
        assert_eq!(f.counters(), Some((96, 128)));
        assert_eq!(f.to_string(), "20000242#0500000000006080");
    }
}
