// Command ordersd serves the orders API on $PORT with an in-memory store and a demo token.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"example.com/ordersvc/internal/api"
	"example.com/ordersvc/internal/carrier"
	"example.com/ordersvc/internal/events"
	"example.com/ordersvc/internal/store"
)

type staticTokens map[string]api.Principal

func (t staticTokens) Verify(token string) (api.Principal, error) {
	p, ok := t[token]
	if !ok {
		return api.Principal{}, errors.New("unknown token")
	}
	return p, nil
}

// acceptAll stands in for the payment gateway outside production.
type acceptAll struct{}

func (acceptAll) Charge(context.Context, string, int64, string, string) error { return nil }

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return fallback
}

func main() {
	st := store.New()
	st.PutCustomer(store.Customer{ID: "cus_demo", Email: "demo@example.com", Country: "DE", Locale: "de-DE"})

	tokens := staticTokens{os.Getenv("DEMO_TOKEN"): {CustomerID: "cus_demo", Admin: true}}
	labels := &carrier.Client{BaseURL: os.Getenv("CARRIER_URL"), APIKey: os.Getenv("CARRIER_KEY")}
	service := api.New(api.Config{
		RequestsPerMinute: envInt("RATE_LIMIT_PER_MINUTE", 600),
		Maintenance:       os.Getenv("WAREHOUSE_MAINTENANCE") == "1",
		LowStockThreshold: envInt("LOW_STOCK_THRESHOLD", 5),
	}, st, tokens, labels, acceptAll{}, &events.Recorder{})

	addr := ":" + strconv.Itoa(envInt("PORT", 8080))
	server := &http.Server{Addr: addr, Handler: service.Handler(), ReadHeaderTimeout: 5 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdown)
	}()

	log.Printf("orders API listening on %s", addr)
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
