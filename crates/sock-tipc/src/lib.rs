//! AF_TIPC: TIPC addresses and options.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
