//! The values queued by `return_once`, first in, first out.
//!
//! A `Vec` and the index of its head: the queue is short and drained in
//! order, and `VecDeque`'s ring buffer compiles to several times as much
//! code, once for every return type mocked.

pub(crate) struct Queue<T> {
    /// Taken slots are `None`, below `head`.
    items: Vec<Option<T>>,
    head: usize,
}

impl<T> Queue<T> {
    pub(crate) const fn new() -> Self {
        Queue {
            items: Vec::new(),
            head: 0,
        }
    }

    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.head == self.items.len()
    }

    pub(crate) fn push_back(&mut self, value: T) {
        // Taken slots are dropped once they are half the queue, so that a
        // queue that never drains does not grow without end.
        if self.head > 0 && self.head * 2 >= self.items.len() {
            self.items.drain(..self.head);
            self.head = 0;
        }
        self.items.push(Some(value));
    }

    #[inline]
    pub(crate) fn pop_front(&mut self) -> Option<T> {
        if self.is_empty() {
            return None;
        }
        let value = self.items.get_mut(self.head)?.take();
        self.head += 1;
        if self.is_empty() {
            self.clear();
        }
        value
    }

    pub(crate) fn clear(&mut self) {
        self.items.clear();
        self.head = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::Queue;

    #[test]
    fn values_come_out_in_the_order_they_went_in() {
        let mut queue = Queue::new();
        assert!(queue.is_empty());
        queue.push_back(1);
        queue.push_back(2);
        assert_eq!(queue.pop_front(), Some(1));
        queue.push_back(3);
        assert_eq!(queue.pop_front(), Some(2));
        assert_eq!(queue.pop_front(), Some(3));
        assert_eq!(queue.pop_front(), None);
        assert!(queue.is_empty());
    }

    #[test]
    fn a_queue_that_never_drains_keeps_only_what_is_left() {
        let mut queue = Queue::new();
        queue.push_back(0);
        for i in 1..1000 {
            queue.push_back(i);
            assert_eq!(queue.pop_front(), Some(i - 1));
        }
        assert!(queue.items.len() <= 4, "{}", queue.items.len());
        assert_eq!(queue.pop_front(), Some(999));
        assert!(queue.is_empty());
    }

    #[test]
    fn clear_drops_every_value() {
        let mut queue = Queue::new();
        queue.push_back(String::from("a"));
        queue.push_back(String::from("b"));
        queue.clear();
        assert!(queue.is_empty());
        assert_eq!(queue.pop_front(), None);
    }
}
