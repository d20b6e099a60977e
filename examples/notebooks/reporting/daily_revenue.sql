-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Daily revenue
-- MAGIC Revenue per store and day for the sales dashboard.

-- COMMAND ----------

CREATE OR REPLACE TABLE gold.daily_revenue AS
SELECT order_date, store_id, SUM(revenue) AS revenue, COUNT(DISTINCT order_id) AS orders
FROM silver.sales
GROUP BY order_date, store_id
