// Package events publishes what happened to orders and stock, for the webhooks worker.
package events

import (
	"context"
	"sync"
	"time"
)

// Type names an event as webhook subscribers filter on it ("order.created").
type Type string

const (
	OrderCreated   Type = "order.created"
	OrderCancelled Type = "order.cancelled"
	OrderShipped   Type = "order.shipped"
	StockLow       Type = "product.stock_low"
	PaymentFailed  Type = "payment.failed"
)

type Event struct {
	ID         string            `json:"id"`
	Type       Type              `json:"type"`
	OccurredAt time.Time         `json:"occurred_at"`
	Data       map[string]string `json:"data"`
}

type Publisher interface {
	Publish(ctx context.Context, e Event) error
}

// Recorder keeps what was published; the tests and the local binary use it.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

func (r *Recorder) Publish(_ context.Context, e Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e.OccurredAt.IsZero() {
		e.OccurredAt = time.Now().UTC()
	}
	r.events = append(r.events, e)
	return nil
}

// Types lists the types published so far, in order.
func (r *Recorder) Types() []Type {
	r.mu.Lock()
	defer r.mu.Unlock()
	types := make([]Type, len(r.events))
	for i, e := range r.events {
		types[i] = e.Type
	}
	return types
}
